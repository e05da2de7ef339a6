//! The one password policy, used by the web forms (add user, change password, reset link) and by
//! `prongsai user add`: 12 to 128 characters, not a common password, not one repeated or
//! sequential run (`1234567890`, `aaaaaaaaaaaa`, `abcdefghijkl`).

/// Fewest characters a new password may have.
pub const MIN_CHARS: usize = 12;
/// Most characters a new password may have.
pub const MAX_CHARS: usize = 128;

/// Passwords that appear at the top of every leaked-password list (lower case), plus the obvious
/// local ones. A password equal to one of them, or one of them followed by digits and symbols, is
/// refused.
const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "qwerty",
    "qwertyuiop",
    "qwerty123",
    "asdfghjkl",
    "zxcvbnm",
    "1qaz2wsx",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "iloveyou",
    "admin",
    "administrator",
    "welcome",
    "letmein",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "sunshine",
    "princess",
    "master",
    "superman",
    "starwars",
    "trustno1",
    "changeme",
    "secret",
    "abc123",
    "qazwsx",
    "login",
    "user",
    "guest",
    "test",
    "default",
    "thailand",
    "bangkok",
    "prongsai",
    "ita",
    "ita-password",
    "รหัสผ่าน",
];

/// Why a new password is refused (Thai first, English after), or `Ok`.
pub fn check(password: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err("รหัสผ่านต้องยาวอย่างน้อย ๑๒ ตัวอักษร (the password needs at least 12 characters)");
    }
    if n > MAX_CHARS {
        return Err("รหัสผ่านยาวได้ไม่เกิน ๑๒๘ ตัวอักษร (at most 128 characters)");
    }
    let lower = password.trim().to_lowercase();
    let stem = lower.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    let guessable = COMMON.contains(&lower.as_str())
        || COMMON.contains(&stem)
        || distinct_chars(&lower) < 4
        || sequential(&lower);
    if guessable {
        return Err(
            "รหัสผ่านนี้เดาง่ายเกินไป กรุณาใช้คำหรือวลีที่คนอื่นเดาไม่ได้ (this password is too easy to guess)",
        );
    }
    Ok(())
}

fn distinct_chars(s: &str) -> usize {
    let mut seen: Vec<char> = s.chars().collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// Every character one step from the previous one, in one direction (digits wrap: `…7890`).
fn sequential(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    let step = |a: char, b: char| -> Option<i32> {
        if a.is_ascii_digit() && b.is_ascii_digit() {
            let d = (b as i32 - a as i32).rem_euclid(10);
            return match d {
                1 => Some(1),
                9 => Some(-1),
                _ => None,
            };
        }
        match b as i32 - a as i32 {
            1 => Some(1),
            -1 => Some(-1),
            _ => None,
        }
    };
    let Some(first) = c.get(..2).and_then(|p| step(p[0], p[1])) else {
        return false;
    };
    c.windows(2).all(|w| step(w[0], w[1]) == Some(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_examples() {
        assert!(check("1234567890").is_err(), "the issue's example");
        assert!(check("123456789012").is_err(), "sequential digits");
        assert!(check("098765432109").is_err(), "descending digits");
        assert!(check("aaaaaaaaaaaaaaa").is_err(), "one repeated character");
        assert!(check("abcdefghijklm").is_err(), "alphabet run");
        assert!(check("password1234").is_err(), "common word + digits");
        assert!(check("Qwertyuiop!!").is_err(), "common, any case");
        assert!(
            check("short-pw").is_err(),
            "8 characters, the old CLI minimum"
        );
        assert!(
            check("ten-chars!").is_err(),
            "10 characters, the old web minimum"
        );
        assert!(check(&"x1".repeat(65)).is_err(), "130 characters");
    }

    #[test]
    fn real_passwords_pass() {
        assert!(
            check("prongsai-demo").is_ok(),
            "the demo password stays valid"
        );
        assert!(check("ถูกต้อง-password-1").is_ok());
        assert!(check("ม้าลายกินหญ้าตอนเช้า").is_ok());
        assert!(check("correct horse battery").is_ok());
    }
}
