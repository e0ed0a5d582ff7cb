//! Read-only connections for the public pages and downloads. In WAL mode readers do not wait
//! for the writer nor for each other, so a crowd of anonymous visitors does not queue behind
//! township pushes (which keep the one writer connection), and a bounded number of readers
//! keeps them from taking every blocking thread.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rusqlite::Connection;
use tokio::sync::Semaphore;

use crate::db::{self, ApiRefusal};

pub struct ReadPool {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    permits: Arc<Semaphore>,
}

impl ReadPool {
    pub fn new(path: PathBuf, size: usize) -> Self {
        Self {
            path,
            idle: Mutex::new(Vec::with_capacity(size)),
            permits: Arc::new(Semaphore::new(size.max(1))),
        }
    }

    /// Runs `work` on a read connection, on a blocking thread, once one of the pool's places
    /// is free; in the caller's span, so what it logs names the request.
    pub async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&Connection) -> Result<T, ApiRefusal> + Send + 'static,
    ) -> Result<T, ApiRefusal> {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| ApiRefusal::internal("读连接池已关闭", &e))?;
        let pool = self.clone();
        let span = tracing::Span::current();
        let dispatch = tracing::dispatcher::get_default(tracing::Dispatch::clone);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            tracing::dispatcher::with_default(&dispatch, || {
                span.in_scope(|| {
                    let conn = pool.take()?;
                    let result = work(&conn);
                    // A connection whose work panicked is not given back (it is dropped while
                    // unwinding); the next reader opens a fresh one.
                    pool.give_back(conn);
                    result
                })
            })
        })
        .await
        .map_err(|e| ApiRefusal::internal("处理请求时崩溃", &e))?
    }

    fn take(&self) -> Result<Connection, ApiRefusal> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match idle {
            Some(conn) => Ok(conn),
            None => db::open_reader(&self.path)
                .map_err(|e| ApiRefusal::internal("打开只读连接失败", &e)),
        }
    }

    fn give_back(&self, conn: Connection) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(conn);
        }
    }
}
