//! `serve`: connect, migrate, bind, answer until Ctrl-C (or SIGTERM), then finish open requests.

use std::net::SocketAddr;

use prongsai_db::Db;

use crate::app::{App, AppState};
use crate::config::Config;
use crate::error::WebError;
use crate::router::router;

/// Runs the web server with `config` until interrupted.
pub async fn serve(config: Config) -> Result<(), WebError> {
    if config.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&config.data_dir).map_err(|e| {
            WebError::Internal(format!("create {}: {e}", config.data_dir.display()))
        })?;
    }
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    let addr = config.addr;
    let state = AppState::new(App::new(config, db.clone())?);
    // Expired sessions are dropped hourly; loading one never succeeds anyway.
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Err(e) = prongsai_db::sessions::delete_expired(&db).await {
                tracing::warn!("deleting expired sessions: {e}");
            }
        }
    });
    // Login failures older than the throttle window are dropped every minute.
    let throttle_app = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(crate::auth::throttle::PRUNE_EVERY);
        loop {
            tick.tick().await;
            throttle_app.throttle.prune();
        }
    });
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| WebError::Internal(format!("bind {addr}: {e}")))?;
    tracing::info!("prongsai web listening on http://{addr}");
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await
    .map_err(|e| WebError::Internal(format!("serve: {e}")))
}

async fn shutdown() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
