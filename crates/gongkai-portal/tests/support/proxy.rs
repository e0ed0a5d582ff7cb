//! A fault-injecting TCP proxy between the township client and the portal.
//!
//! It listens on loopback and forwards to the portal. It understands just enough HTTP/1.1
//! (request and response framing: `Content-Length` or chunked) to treat each exchange on a
//! kept-alive connection on its own, and for each exchange it draws, from a seeded RNG, one of:
//!
//! - [`Fault::Pass`]: forward the request and the response;
//! - [`Fault::CutRequest`]: forward only the first `k` bytes of the request, then close both
//!   sides (the portal never sees a whole request);
//! - [`Fault::CutResponse`]: forward the whole request, wait for the whole response (the portal
//!   has committed), forward only its first `k` bytes, then close;
//! - [`Fault::DropResponse`]: forward the request, let the portal answer, send the client
//!   nothing and close;
//! - [`Fault::Duplicate`]: send the request upstream twice (two connections, one after the other)
//!   and give the client one of the two answers, chosen by the RNG.
//!
//! The same seed gives the same sequence of decisions, so a failing run can be replayed
//! (`GONGKAI_FAULT_SEED`). Bytes are counted in both directions (what the client sent, what it
//! received) for the benchmarks.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// SplitMix64: small, seedable, good enough to pick faults.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// The seed of a scenario: `GONGKAI_FAULT_SEED` when set (to replay a failure), else `default`.
pub fn seed(default: u64) -> u64 {
    std::env::var("GONGKAI_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// What happens to one exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Pass,
    CutRequest(usize),
    CutResponse,
    DropResponse,
    Duplicate,
}

/// Weights (out of 100) of each fault; the rest passes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Plan {
    pub cut_request: u64,
    pub cut_response: u64,
    pub drop_response: u64,
    pub duplicate: u64,
}

impl Plan {
    pub const PASS: Plan = Plan {
        cut_request: 0,
        cut_response: 0,
        drop_response: 0,
        duplicate: 0,
    };
}

/// Counters, read by the tests while the proxy runs.
#[derive(Debug, Default)]
pub struct Stats {
    pub connections: AtomicU64,
    /// Requests read whole from the client.
    pub requests: AtomicU64,
    /// Requests forwarded whole to the portal (duplicates count twice).
    pub forwarded: AtomicU64,
    /// Responses read whole from the portal (the portal has finished the request).
    pub answered: AtomicU64,
    /// Responses delivered whole to the client.
    pub delivered: AtomicU64,
    pub cut_requests: AtomicU64,
    pub cut_responses: AtomicU64,
    pub dropped_responses: AtomicU64,
    pub duplicated: AtomicU64,
    /// Client → proxy bytes (whole requests and cut ones as read).
    pub bytes_up: AtomicU64,
    /// Proxy → client bytes.
    pub bytes_down: AtomicU64,
}

impl Stats {
    pub fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::SeqCst)
    }
}

fn bump(counter: &AtomicU64, by: u64) {
    counter.fetch_add(by, Ordering::SeqCst);
}

struct Control {
    plan: Plan,
    rng: Rng,
    upstream: SocketAddr,
    /// Delay before a response is passed on (the window in which a client can be killed
    /// after the portal committed).
    hold: Duration,
    /// Decisions taken, in order (for a failure message).
    log: Vec<Fault>,
}

#[derive(Clone)]
pub struct Proxy {
    pub addr: SocketAddr,
    pub stats: Arc<Stats>,
    control: Arc<Mutex<Control>>,
    task: Arc<tokio::task::JoinHandle<()>>,
}

impl Proxy {
    pub async fn start(upstream: SocketAddr, plan: Plan, seed: u64) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("proxy bind");
        let addr = listener.local_addr().expect("proxy addr");
        let stats = Arc::new(Stats::default());
        let control = Arc::new(Mutex::new(Control {
            plan,
            rng: Rng::new(seed),
            upstream,
            hold: Duration::ZERO,
            log: Vec::new(),
        }));
        let task = {
            let (stats, control) = (stats.clone(), control.clone());
            tokio::spawn(async move {
                while let Ok((client, _)) = listener.accept().await {
                    let _ = client.set_nodelay(true);
                    bump(&stats.connections, 1);
                    tokio::spawn(connection(client, stats.clone(), control.clone()));
                }
            })
        };
        Proxy {
            addr,
            stats,
            control,
            task: Arc::new(task),
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn set_plan(&self, plan: Plan) {
        self.control.lock().expect("proxy lock").plan = plan;
    }

    pub fn set_hold(&self, hold: Duration) {
        self.control.lock().expect("proxy lock").hold = hold;
    }

    /// The faults drawn so far, counted by kind: (pass, cut request, cut response, dropped,
    /// duplicated).
    pub fn tally(&self) -> [usize; 5] {
        let control = self.control.lock().expect("proxy lock");
        let mut tally = [0; 5];
        for fault in &control.log {
            tally[match fault {
                Fault::Pass => 0,
                Fault::CutRequest(_) => 1,
                Fault::CutResponse => 2,
                Fault::DropResponse => 3,
                Fault::Duplicate => 4,
            }] += 1;
        }
        tally
    }

    pub fn bytes(&self) -> (u64, u64) {
        (
            Stats::get(&self.stats.bytes_up),
            Stats::get(&self.stats.bytes_down),
        )
    }

    pub fn reset_bytes(&self) {
        self.stats.bytes_up.store(0, Ordering::SeqCst);
        self.stats.bytes_down.store(0, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        if Arc::strong_count(&self.task) == 1 {
            self.task.abort();
        }
    }
}

/// Draws the fault of an exchange whose request is `request_len` bytes long, and one more
/// number for what is decided later (the offset of a response cut, which copy of a duplicate
/// answers).
fn decide(control: &Mutex<Control>, request_len: usize) -> (Fault, u64, SocketAddr, Duration) {
    let mut c = control.lock().expect("proxy lock");
    let roll = c.rng.below(100);
    let p = c.plan;
    let fault = if roll < p.cut_request {
        Fault::CutRequest(c.rng.below(request_len as u64) as usize)
    } else if roll < p.cut_request + p.cut_response {
        Fault::CutResponse
    } else if roll < p.cut_request + p.cut_response + p.drop_response {
        Fault::DropResponse
    } else if roll < p.cut_request + p.cut_response + p.drop_response + p.duplicate {
        Fault::Duplicate
    } else {
        Fault::Pass
    };
    let extra = c.rng.next_u64();
    c.log.push(fault);
    (fault, extra, c.upstream, c.hold)
}

async fn connection(mut client: TcpStream, stats: Arc<Stats>, control: Arc<Mutex<Control>>) {
    let mut client_buf = Vec::new();
    let mut upstream: Option<(TcpStream, Vec<u8>)> = None;
    loop {
        let request = match read_message(&mut client, &mut client_buf, false).await {
            Ok(Some(request)) => request,
            // The client closed (or sent half a request and went away): close upstream too.
            _ => return,
        };
        bump(&stats.requests, 1);
        bump(&stats.bytes_up, request.len() as u64);
        let (fault, extra, addr, hold) = decide(&control, request.len());
        if upstream.is_none() {
            match TcpStream::connect(addr).await {
                Ok(stream) => {
                    let _ = stream.set_nodelay(true);
                    upstream = Some((stream, Vec::new()));
                }
                // Portal down: the client sees the connection closed.
                Err(_) => return,
            }
        }
        let Some((up, up_buf)) = upstream.as_mut() else {
            return;
        };
        if let Fault::CutRequest(k) = fault {
            bump(&stats.cut_requests, 1);
            let _ = up.write_all(&request[..k]).await;
            let _ = up.flush().await;
            return;
        }
        if up.write_all(&request).await.is_err() {
            return;
        }
        bump(&stats.forwarded, 1);
        let Ok(Some(mut response)) = read_message(up, up_buf, true).await else {
            return;
        };
        bump(&stats.answered, 1);
        if fault == Fault::Duplicate {
            bump(&stats.duplicated, 1);
            if let Some(second) = send_again(addr, &request, &stats).await
                && extra % 2 == 1
            {
                response = second;
            }
        }
        if !hold.is_zero() {
            tokio::time::sleep(hold).await;
        }
        match fault {
            Fault::CutResponse => {
                bump(&stats.cut_responses, 1);
                let k = (extra % response.len().max(1) as u64) as usize;
                let _ = client.write_all(&response[..k]).await;
                bump(&stats.bytes_down, k as u64);
                return;
            }
            Fault::DropResponse => {
                bump(&stats.dropped_responses, 1);
                return;
            }
            _ => {
                if client.write_all(&response).await.is_err() {
                    return;
                }
                bump(&stats.bytes_down, response.len() as u64);
                bump(&stats.delivered, 1);
            }
        }
    }
}

/// The duplicate: the same bytes on a fresh upstream connection.
async fn send_again(addr: SocketAddr, request: &[u8], stats: &Stats) -> Option<Vec<u8>> {
    let mut stream = TcpStream::connect(addr).await.ok()?;
    stream.write_all(request).await.ok()?;
    bump(&stats.forwarded, 1);
    let mut buf = Vec::new();
    let response = read_message(&mut stream, &mut buf, true).await.ok()??;
    bump(&stats.answered, 1);
    Some(response)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Length of a whole chunked body at the start of `body`, if it is all there.
fn chunked_len(body: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        let line = find(&body[at..], b"\r\n")?;
        let size_text = std::str::from_utf8(&body[at..at + line]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        at += line + 2;
        if size == 0 {
            // trailers end with an empty line
            let end = find(&body[at..], b"\r\n\r\n").map(|p| p + 4);
            return if body[at..].starts_with(b"\r\n") {
                Some(at + 2)
            } else {
                end.map(|e| at + e)
            };
        }
        if body.len() < at + size + 2 {
            return None;
        }
        at += size + 2;
    }
}

/// Reads one whole HTTP/1.1 message (head and body) from `stream`, keeping any bytes after it in
/// `buf`. `Ok(None)` when the peer closed before a whole message.
async fn read_message(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    response: bool,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        if let Some(head_end) = find(buf, b"\r\n\r\n").map(|p| p + 4) {
            let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
            let mut content_length = None;
            let mut chunked = false;
            for line in head.lines().skip(1) {
                if let Some((name, value)) = line.split_once(':') {
                    match name.trim() {
                        "content-length" => content_length = value.trim().parse::<usize>().ok(),
                        "transfer-encoding" => chunked = value.contains("chunked"),
                        _ => {}
                    }
                }
            }
            let total = if chunked {
                chunked_len(&buf[head_end..]).map(|n| head_end + n)
            } else if let Some(n) = content_length {
                (buf.len() >= head_end + n).then_some(head_end + n)
            } else if response {
                // Delimited by close: read to the end below.
                None
            } else {
                Some(head_end)
            };
            if let Some(total) = total {
                let message: Vec<u8> = buf.drain(..total).collect();
                return Ok(Some(message));
            }
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}
