//! argon2id password hashing and checking in a small pool of reused working memories.
//!
//! argon2id needs 19 MiB of working memory per computation (the OWASP parameters). Allocating it
//! per login leaves that memory with the allocator after a burst of logins, so the server grows by
//! tens of megabytes and stays there. Here every computation borrows one of [`WORKERS`] buffers:
//! the server holds at most that many, whatever the traffic. A computation that cannot get a
//! buffer within [`QUEUE_TIMEOUT`] is refused with [`WebError::Busy`] ("ระบบไม่ว่าง"), so a flood of
//! bogus logins cannot make real ones wait without end.

use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{ARGON2ID_IDENT, Algorithm, Argon2, Block, Params, Version};
use subtle::ConstantTimeEq;
use tokio::sync::Semaphore;

use crate::error::WebError;

/// Largest working memory a stored hash may ask for (64 MiB); anything above is refused, so a
/// hash planted in the database cannot make the server allocate without bound.
const MAX_BLOCKS: usize = 64 * 1024;

/// Bytes of random salt in a new hash.
const SALT_LEN: usize = 16;

/// Computations running at once (each holds one 19 MiB working memory).
pub const WORKERS: usize = 2;
/// Longest wait for a free worker before the request is refused as busy.
pub const QUEUE_TIMEOUT: Duration = Duration::from_secs(3);

/// A bounded set of argon2 working memories: a semaphore for the turns, a free list of buffers.
#[derive(Debug)]
struct Pool {
    turns: Semaphore,
    free: Mutex<Vec<Vec<Block>>>,
    wait: Duration,
}

impl Pool {
    fn new(workers: usize, wait: Duration) -> Pool {
        Pool {
            turns: Semaphore::new(workers),
            free: Mutex::new(Vec::new()),
            wait,
        }
    }
}

/// The server's pool.
static POOL: LazyLock<Pool> = LazyLock::new(|| Pool::new(WORKERS, QUEUE_TIMEOUT));

/// Hashes `password` with argon2id (default parameters, random salt) into a PHC string.
pub async fn hash(password: String) -> Result<String, WebError> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt).map_err(WebError::internal)?;
    let params = Params::default();
    let out = vec![0u8; params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN)];
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let (argon, out) = compute(&POOL, argon, password, salt.to_vec(), out)
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
/// Fails only with [`WebError::Busy`] when no worker is free in time.
pub async fn verify(password: String, phc: String) -> Result<bool, WebError> {
    verify_in(&POOL, password, phc).await
}

async fn verify_in(pool: &Pool, password: String, phc: String) -> Result<bool, WebError> {
    let Some((argon, salt, expected)) = parse(&phc) else {
        return Ok(false);
    };
    let out = vec![0u8; expected.len()];
    match compute(pool, argon, password, salt, out).await {
        Ok(Ok((_, out))) => Ok(out.ct_eq(&expected).into()),
        Ok(Err(_)) => Ok(false),
        Err(WebError::Busy) => Err(WebError::Busy),
        Err(_) => Ok(false),
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

type Computed = Result<(Argon2<'static>, Vec<u8>), argon2::Error>;

/// Runs argon2 into `out` on the blocking pool, in one of `pool`'s working memories (waiting at
/// most the pool's queue timeout for one).
async fn compute(
    pool: &Pool,
    argon: Argon2<'static>,
    password: String,
    salt: Vec<u8>,
    mut out: Vec<u8>,
) -> Result<Computed, WebError> {
    let _turn = tokio::time::timeout(pool.wait, pool.turns.acquire())
        .await
        .map_err(|_| WebError::Busy)?
        .map_err(WebError::internal)?;
    let mut work = pool
        .free
        .lock()
        .map_err(WebError::internal)?
        .pop()
        .unwrap_or_default();
    let (work, result) = tokio::task::spawn_blocking(move || {
        let blocks = argon.params().block_count();
        if work.len() < blocks {
            work.resize(blocks, Block::default());
        }
        let result = argon
            .hash_password_into_with_memory(
                password.as_bytes(),
                &salt,
                &mut out,
                &mut work[..blocks],
            )
            .map(|()| (argon, out));
        (work, result)
    })
    .await
    .map_err(WebError::internal)?;
    if let Ok(mut free) = pool.free.lock() {
        free.push(work);
    }
    Ok(result)
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
        assert!(verify("another one".into(), theirs.clone()).await.unwrap());
        assert!(!verify("another two".into(), theirs).await.unwrap());
        assert!(verify("รหัสผ่าน-ยาว-123".into(), phc.clone()).await.unwrap());
        assert!(!verify("รหัสผ่าน-ยาว-124".into(), phc).await.unwrap());
    }

    #[tokio::test]
    async fn a_full_pool_answers_busy_instead_of_queuing_forever() {
        let pool = Pool::new(1, Duration::from_millis(50));
        let phc = super::super::hash_password("another one").unwrap();
        let held = pool.turns.acquire().await.unwrap();
        let started = std::time::Instant::now();
        let r = verify_in(&pool, "another one".into(), phc.clone()).await;
        assert!(matches!(r, Err(WebError::Busy)), "{r:?}");
        assert!(started.elapsed() < Duration::from_secs(2));
        drop(held);
        assert!(verify_in(&pool, "another one".into(), phc).await.unwrap());
        assert_eq!(pool.free.lock().unwrap().len(), 1, "the buffer is reused");
    }

    #[tokio::test]
    async fn refuses_malformed_and_oversized_hashes() {
        assert!(!verify("x".into(), "not a hash".into()).await.unwrap());
        assert!(
            !verify(
                "x".into(),
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ".into()
            )
            .await
            .unwrap()
        );
        // 1 GiB of working memory: refused without allocating it.
        let huge = "$argon2id$v=19$m=1048576,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$J9Zv2l3I2Qk0mCzqk4v0YbYz0kOeUo4Zx3hB2o7J9a8";
        assert!(PasswordHash::new(huge).is_ok());
        assert!(parse(huge).is_none());
    }
}
