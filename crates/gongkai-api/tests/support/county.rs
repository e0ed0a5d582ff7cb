//! The real county portal for the API's sync tests, served from its own thread and runtime.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use gongkai_portal::{Portal, db};
use gongkai_sync::Stream;

/// The real portal, served from its own thread and runtime.
pub struct County {
    pub addr: SocketAddr,
    pub db: PathBuf,
}

impl County {
    pub fn start(dir: &Path) -> County {
        County::serve(dir, None, Vec::new())
    }

    /// A portal that does not take `kinds` (`serve --refuse-kind`), answering them as one
    /// older than those kinds does.
    pub fn start_refusing(dir: &Path, kinds: Vec<gongkai_sync::Kind>) -> County {
        County::serve(dir, None, kinds)
    }

    /// The portal serving HTTPS itself with the test certificate of `gongkai-portal`.
    pub fn start_tls(dir: &Path) -> County {
        let config = gongkai_portal::server_config(
            &portal_fixture("test-cert.pem"),
            &portal_fixture("test-key.pem"),
        )
        .unwrap();
        County::serve(dir, Some(config), Vec::new())
    }

    fn serve(
        dir: &Path,
        tls: Option<std::sync::Arc<gongkai_portal::tls::ServerConfig>>,
        refused: Vec<gongkai_sync::Kind>,
    ) -> County {
        let db = dir.join("county.sqlite3");
        let portal = Portal::open(&db).unwrap().refusing_kinds(refused);
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                let addr = listener.local_addr().unwrap();
                tx.send(addr).unwrap();
                match tls {
                    Some(config) => {
                        // Reached by the certificate's name: that is its public URL.
                        let url = format!("https://localhost:{}", addr.port());
                        let portal = portal
                            .with_public_url(&gongkai_sync::url::PortalUrl::parse(&url).unwrap());
                        gongkai_portal::serve_tls(listener, portal, config).await
                    }
                    None => gongkai_portal::serve(listener, portal).await,
                }
                .unwrap();
            });
        });
        County {
            addr: rx.recv().unwrap(),
            db,
        }
    }

    /// Registers the township's identity at the county.
    pub fn register(&self, identity: &gongkai_api::wire::SyncIdentity) {
        let mut conn = db::open(&self.db).unwrap();
        db::township_add(
            &mut conn,
            &identity.township_code,
            "示范镇",
            &identity.public_key,
        )
        .unwrap();
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn count(&self, sql: &str) -> i64 {
        let conn = db::open(&self.db).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    pub fn publish(&self, stream: Stream, json: serde_json::Value) {
        let mut conn = db::open(&self.db).unwrap();
        db::publish(&mut conn, stream, &json.to_string()).unwrap();
    }
}

pub fn portal_fixture(name: &str) -> PathBuf {
    PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR"),
    )
    .join("../gongkai-portal/tests/fixtures")
    .join(name)
}
