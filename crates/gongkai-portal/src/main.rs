//! `gongkai-portal`: the county portal server and its admin commands. Exit 0 done, 1 failed,
//! 2 usage.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gongkai_portal::{Portal, PortalError, catalog_table, db};
use gongkai_sync::types::Stream;
use gongkai_sync::url::PortalUrl;

#[derive(Parser)]
#[command(
    name = "gongkai-portal",
    version = version_line(),
    about = "县级政务公开平台（接收乡镇同步，发布目录、日历与通知）"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 启动平台服务
    Serve {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// 非本机地址上监听明文 HTTP 时必须给出：说明前面有 TLS 反向代理
        #[arg(long, conflicts_with = "tls_cert")]
        behind_tls_proxy: bool,
        /// 由本平台直接提供 HTTPS：证书链（PEM，服务器证书在前）
        #[arg(long, value_name = "PEM", requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// 与证书配套的私钥（PEM）
        #[arg(long, value_name = "PEM", requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// 各乡镇填写的本平台地址（如 https://county.example.cn/gongkai）：乡镇的每个请求都签名绑定这个地址，
        /// 发给别的地址的请求一律拒收。在非本机地址上监听或在反向代理之后时必须给出；否则默认为监听地址
        #[arg(long, value_name = "URL")]
        public_url: Option<String>,
        /// 暂不接收的乡镇数据类型（如 posting：公开栏张贴），可重复：乡镇把这类条目留在本机待发
        #[arg(long, value_name = "KIND")]
        refuse_kind: Vec<String>,
    },
    /// 乡镇登记与撤销
    Township {
        #[command(subcommand)]
        command: TownshipCommand,
    },
    /// 发布县级工作日历（JSON 文件）
    PublishCalendar {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        file: PathBuf,
    },
    /// 发布县级目录更新（JSON 文件，或县级目录表 .xlsx/.xls/.docx）
    PublishCatalog {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        file: PathBuf,
    },
    /// 发布县级通知（JSON 文件）
    PublishNotice {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        file: PathBuf,
    },
    /// 各乡镇同步情况
    Stats {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        json: bool,
        /// 年度报告表三汇总的年度（默认：已收到报告的最近年度）
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Subcommand)]
enum TownshipCommand {
    /// 登记乡镇及其公钥
    Add {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        public_key: String,
    },
    /// 撤销乡镇的同步权限
    Revoke {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        code: String,
    },
}

/// `gongkai-portal --version`: the release with the portal's database schema and the sync
/// protocol it answers.
fn version_line() -> &'static str {
    static LINE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        format!(
            "{}（数据库结构版本 {}，同步协议版本 {}）",
            env!("CARGO_PKG_VERSION"),
            db::LATEST_VERSION,
            gongkai_sync::PROTOCOL_VERSION
        )
    });
    &LINE
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "错误：{e}");
            ExitCode::from(match e {
                PortalError::Usage(_) => 2,
                _ => 1,
            })
        }
    }
}

fn out(text: &str) -> Result<(), PortalError> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}")?;
    stdout.flush()?;
    Ok(())
}

fn run(cli: Cli) -> Result<(), PortalError> {
    match cli.command {
        Command::Serve {
            db,
            listen,
            behind_tls_proxy,
            tls_cert,
            tls_key,
            public_url,
            refuse_kind,
        } => {
            let refused = refuse_kind
                .iter()
                .map(|key| {
                    gongkai_sync::Kind::from_key(key)
                        .filter(|k| k.owner() == gongkai_sync::Owner::Township)
                        .ok_or_else(|| {
                            PortalError::Usage(format!(
                                "--refuse-kind：“{key}”不是乡镇上传的数据类型"
                            ))
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let tls = match (tls_cert, tls_key) {
                (Some(cert), Some(key)) => Some(gongkai_portal::server_config(&cert, &key)?),
                _ => None,
            };
            if tls.is_none() && !listen.ip().is_loopback() && !behind_tls_proxy {
                return Err(PortalError::Usage(format!(
                    "在非本机地址 {listen} 上不能只提供明文 HTTP：请用 --tls-cert 和 --tls-key 直接提供 HTTPS，或在前面部署 TLS 反向代理并加 --behind-tls-proxy"
                )));
            }
            // Faults of the portal itself (a database error, a handler that crashed) are
            // logged on stderr with the request's method and path; townships get `{code, message}`.
            let _ = tracing_subscriber::fmt()
                .with_writer(std::io::stderr)
                .with_max_level(tracing::Level::INFO)
                .with_ansi(false)
                .try_init();
            let public_url = match public_url {
                Some(text) => Some(
                    PortalUrl::parse(&text)
                        .map_err(|e| PortalError::Usage(format!("--public-url：{e}")))?,
                ),
                None if listen.ip().is_loopback() && !behind_tls_proxy => None,
                None => {
                    return Err(PortalError::Usage(format!(
                        "请用 --public-url 给出各乡镇填写的本平台地址（如 https://county.example.cn）：乡镇的请求签名绑定这个地址，而在 {listen} 上监听{}时它不是监听地址",
                        if behind_tls_proxy {
                            "并在反向代理之后"
                        } else {
                            ""
                        }
                    )));
                }
            };
            let mut portal = Portal::open(&db)?.refusing_kinds(refused);
            if let Some(url) = &public_url {
                portal = portal.with_public_url(url);
            }
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind(listen).await?;
                let scheme = if tls.is_some() { "https" } else { "http" };
                out(&format!(
                    "县级平台已启动：{scheme}://{}",
                    listener.local_addr()?
                ))?;
                match tls {
                    Some(config) => gongkai_portal::serve_tls(listener, portal, config).await?,
                    None => gongkai_portal::serve(listener, portal).await?,
                }
                Ok(())
            })
        }
        Command::Township { command } => match command {
            TownshipCommand::Add {
                db,
                code,
                name,
                public_key,
            } => {
                db::township_add(&mut db::open(&db)?, &code, &name, &public_key)?;
                out(&format!("已登记乡镇 {code} {name}"))
            }
            TownshipCommand::Revoke { db, code } => {
                db::township_revoke(&mut db::open(&db)?, &code)?;
                out(&format!("已撤销乡镇 {code} 的同步权限"))
            }
        },
        Command::PublishCalendar { db, file } => publish(&db, &file, Stream::Calendar),
        Command::PublishCatalog { db, file } => publish(&db, &file, Stream::Catalog),
        Command::PublishNotice { db, file } => publish(&db, &file, Stream::Notices),
        Command::Stats { db, json, year } => {
            let conn = db::open(&db)?;
            let stats = db::stats(&conn)?;
            let year = match year {
                Some(year) => Some(year),
                None => db::latest_report_year(&conn)?,
            };
            let table3 = year
                .map(|year| db::county_table3(&conn, year))
                .transpose()?;
            if json {
                let townships: Vec<serde_json::Value> = stats
                    .iter()
                    .map(|t| {
                        serde_json::json!({
                            "code": t.code, "name": t.name, "status": t.status,
                            "records": t.records, "payout_rows": t.payout_rows, "last_sync": t.last_sync,
                            "postings_up": t.postings_up,
                            "villages_with_overdue_boards": t.overdue_villages.len(),
                            "overdue_villages": t.overdue_villages,
                            "table3": table3.as_ref().and_then(|county| county
                                .townships
                                .iter()
                                .find(|r| r.code == t.code)
                                .map(|r| &r.figures)),
                        })
                    })
                    .collect();
                out(&serde_json::json!({ "townships": townships, "table3": table3 }).to_string())
            } else {
                if let Some(county) = &table3 {
                    out(&format!(
                        "{}年度报告表三全县合计（{} 个乡镇）：",
                        county.year,
                        county.townships.len()
                    ))?;
                    for row in &county.rows {
                        let cells: Vec<String> = county
                            .columns
                            .iter()
                            .zip(&row.cells)
                            .map(|(c, n)| format!("{} {n}", c.label))
                            .collect();
                        out(&format!("  {}：{}", row.label, cells.join("，")))?;
                    }
                }
                for t in &stats {
                    out(&format!(
                        "{} {}（{}）公开记录 {} 条，公示明细 {} 行，在贴公示 {} 张，公开栏逾期未更新 {}，最近同步 {}",
                        t.code,
                        t.name,
                        if t.status == "active" {
                            "在用"
                        } else {
                            "已撤销"
                        },
                        t.records,
                        t.payout_rows,
                        t.postings_up,
                        if t.overdue_villages.is_empty() {
                            "无".to_owned()
                        } else {
                            t.overdue_villages.join("、")
                        },
                        if t.last_sync.is_empty() {
                            "无"
                        } else {
                            &t.last_sync
                        }
                    ))?;
                }
                Ok(())
            }
        }
    }
}

fn publish(
    db: &std::path::Path,
    file: &std::path::Path,
    stream: Stream,
) -> Result<(), PortalError> {
    let bytes = std::fs::read(file)
        .map_err(|e| PortalError::Usage(format!("无法读取“{}”：{e}", file.display())))?;
    // The county's catalog table itself (.xlsx/.xls/.docx), read as the townships read it.
    let text = if stream == Stream::Catalog && catalog_table::is_table(&bytes) {
        let publication = catalog_table::publication(file, bytes)?;
        serde_json::to_string(&publication).map_err(|e| PortalError::Usage(e.to_string()))?
    } else {
        String::from_utf8(bytes)
            .map_err(|e| PortalError::Usage(format!("无法读取“{}”：{e}", file.display())))?
    };
    let id = db::publish(&mut db::open(db)?, stream, &text)?;
    out(&format!("已发布（{}）：{id}", stream.key()))
}
