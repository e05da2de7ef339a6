//! argon2id password hashing and checking, one computation at a time in one reused working memory.
//!
//! argon2id needs 19 MiB of working memory per computation (the OWASP parameters). Allocating it
//! per login leaves that memory with the allocator after a burst of logins, so the server grows by
//! tens of megabytes and stays there. Here every computation borrows the same buffer in turn: the
//! server holds exactly one buffer after its first login, whatever the traffic. One at a time is
//! also what a small server wants: a second core is better spent answering pages.

use std::sync::{Arc, LazyLock};

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{ARGON2ID_IDENT, Algorithm, Argon2, Block, Params, Version};
use subtle::ConstantTimeEq;
use tokio::sync::Mutex;

use crate::error::WebError;

/// Largest working memory a stored hash may ask for (64 MiB); anything above is refused, so a
/// hash planted in the database cannot make the server allocate without bound.
const MAX_BLOCKS: usize = 64 * 1024;

/// Bytes of random salt in a new hash.
const SALT_LEN: usize = 16;

/// The shared working memory; its lock is also the queue of waiting computations.
static WORK: LazyLock<Arc<Mutex<Vec<Block>>>> = LazyLock::new(|| Arc::new(Mutex::new(Vec::new())));

/// Hashes `password` with argon2id (default parameters, random salt) into a PHC string.
pub async fn hash(password: String) -> Result<String, WebError> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt).map_err(WebError::internal)?;
    let params = Params::default();
    let out = vec![0u8; params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN)];
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let (argon, out) = compute(argon, password, salt.to_vec(), out)
        .await?
        .map_err(WebError::internal)?;
    let phc = PasswordHash {
        algorithm: ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(argon.params()).map_err(WebError::internal)?,
        salt: Some(Salt::new(&salt).map_err(WebError::internal)?),
        hash: Some(Output::new(&out).map_err(WebError::internal)?),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the PHC string `phc`; a malformed or oversized hash is simply "no".
pub async fn verify(password: String, phc: String) -> bool {
    let Some((argon, salt, expected)) = parse(&phc) else {
        return false;
    };
    let out = vec![0u8; expected.len()];
    match compute(argon, password, salt, out).await {
        Ok(Ok((_, out))) => out.ct_eq(&expected).into(),
        _ => false,
    }
}

/// The hasher, salt and expected output of a stored argon2 PHC string.
fn parse(phc: &str) -> Option<(Argon2<'static>, Vec<u8>, Vec<u8>)> {
    let hash = PasswordHash::new(phc).ok()?;
    let algorithm = Algorithm::try_from(hash.algorithm.as_str()).ok()?;
    let version = match hash.version {
        Some(v) => Version::try_from(v).ok()?,
        None => Version::default(),
    };
    let params = Params::try_from(&hash).ok()?;
    if params.block_count() > MAX_BLOCKS {
        return None;
    }
    let salt = hash.salt.as_ref()?.as_ref().to_vec();
    let expected = hash.hash.as_ref()?.as_bytes().to_vec();
    Some((Argon2::new(algorithm, version, params), salt, expected))
}

/// Runs argon2 into `out` on the blocking pool, in the shared working memory (waiting for it).
async fn compute(
    argon: Argon2<'static>,
    password: String,
    salt: Vec<u8>,
    mut out: Vec<u8>,
) -> Result<Result<(Argon2<'static>, Vec<u8>), argon2::Error>, WebError> {
    let mut work = WORK.clone().lock_owned().await;
    tokio::task::spawn_blocking(move || {
        let blocks = argon.params().block_count();
        if work.len() < blocks {
            work.resize(blocks, Block::default());
        }
        let memory = &mut work[..blocks];
        argon
            .hash_password_into_with_memory(password.as_bytes(), &salt, &mut out, memory)
            .map(|()| (argon, out))
    })
    .await
    .map_err(WebError::internal)
}

#[cfg(test)]
mod tests {
    use argon2::PasswordVerifier;

    use super::*;

    #[tokio::test]
    async fn pooled_hashes_are_standard_argon2id() {
        let phc = hash("รหัสผ่าน-ยาว-123".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        // The library's own verifier accepts our hash, and ours accepts the library's.
        let parsed = PasswordHash::new(&phc).unwrap();
        assert!(
            Argon2::default()
                .verify_password("รหัสผ่าน-ยาว-123".as_bytes(), &parsed)
                .is_ok()
        );
        let theirs = super::super::hash_password("another one").unwrap();
        assert!(verify("another one".into(), theirs.clone()).await);
        assert!(!verify("another two".into(), theirs).await);
        assert!(verify("รหัสผ่าน-ยาว-123".into(), phc.clone()).await);
        assert!(!verify("รหัสผ่าน-ยาว-124".into(), phc).await);
    }

    #[tokio::test]
    async fn refuses_malformed_and_oversized_hashes() {
        assert!(!verify("x".into(), "not a hash".into()).await);
        assert!(
            !verify(
                "x".into(),
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ".into()
            )
            .await
        );
        // 1 GiB of working memory: refused without allocating it.
        let huge = "$argon2id$v=19$m=1048576,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$J9Zv2l3I2Qk0mCzqk4v0YbYz0kOeUo4Zx3hB2o7J9a8";
        assert!(PasswordHash::new(huge).is_ok());
        assert!(parse(huge).is_none());
    }
}
