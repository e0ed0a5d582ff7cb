//! When sync runs by itself: at start, on a timer, when the network comes back, and after every
//! local write that queued something for the county; failures back off, but a new trigger
//! always runs at once. The shell wires it to [`Api::sync_now`](crate::Api::sync_now); tests
//! drive it with their own runner and network probe.

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Why a run starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Start,
    Timer,
    /// The portal became reachable after a failure.
    Network,
    /// A local change queued something for the county.
    Write,
    /// The clerk pressed 立即同步.
    Manual,
}

impl Trigger {
    pub fn key(self) -> &'static str {
        match self {
            Trigger::Start => "start",
            Trigger::Timer => "timer",
            Trigger::Network => "network",
            Trigger::Write => "write",
            Trigger::Manual => "manual",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Between runs when all is well.
    pub interval: Duration,
    /// After the first failure; doubles up to `max_backoff`.
    pub first_backoff: Duration,
    pub max_backoff: Duration,
    /// How often the network is probed while the last run failed.
    pub probe_every: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            interval: Duration::from_secs(10 * 60),
            first_backoff: Duration::from_secs(30),
            max_backoff: Duration::from_secs(30 * 60),
            probe_every: Duration::from_secs(20),
        }
    }
}

enum Message {
    Trigger(Trigger),
    Stop,
}

/// A running scheduler; dropping it stops the thread.
pub struct SyncScheduler {
    sender: Sender<Message>,
    thread: Option<JoinHandle<()>>,
}

impl SyncScheduler {
    /// Starts the loop on its own thread and runs once at once (`Trigger::Start`). `run` does
    /// one sync and says whether it worked; `reachable` probes the network cheaply.
    pub fn start(
        timing: Timing,
        run: impl FnMut(Trigger) -> bool + Send + 'static,
        reachable: impl FnMut() -> bool + Send + 'static,
    ) -> SyncScheduler {
        let (sender, receiver) = channel();
        let thread = std::thread::spawn(move || event_loop(timing, receiver, run, reachable));
        SyncScheduler {
            sender,
            thread: Some(thread),
        }
    }

    /// Asks for a run now (a write, the 立即同步 button).
    pub fn trigger(&self, trigger: Trigger) {
        // A stopped loop has nothing left to run.
        let _ = self.sender.send(Message::Trigger(trigger));
    }

    /// A handle other threads can trigger runs with.
    pub fn trigger_handle(&self) -> impl Fn(Trigger) + Send + Sync + 'static {
        let sender = std::sync::Mutex::new(self.sender.clone());
        move |trigger| {
            if let Ok(sender) = sender.lock() {
                let _ = sender.send(Message::Trigger(trigger));
            }
        }
    }
}

impl Drop for SyncScheduler {
    fn drop(&mut self) {
        let _ = self.sender.send(Message::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn event_loop(
    timing: Timing,
    receiver: Receiver<Message>,
    mut run: impl FnMut(Trigger) -> bool,
    mut reachable: impl FnMut() -> bool,
) {
    let mut next = Some(Trigger::Start);
    let mut backoff: Option<Duration> = None;
    loop {
        if let Some(trigger) = next.take() {
            backoff = if run(trigger) {
                None
            } else {
                Some(backoff.map_or(timing.first_backoff, |b| (b * 2).min(timing.max_backoff)))
            };
        }
        let wait = backoff.unwrap_or(timing.interval);
        let deadline = Instant::now() + wait;
        // While failing, probe the network every so often; its return runs at once.
        let tick = if backoff.is_some() {
            timing.probe_every.min(wait)
        } else {
            wait
        };
        loop {
            let now = Instant::now();
            if now >= deadline {
                next = Some(Trigger::Timer);
                break;
            }
            match receiver.recv_timeout(tick.min(deadline - now)) {
                Ok(Message::Trigger(trigger)) => {
                    next = Some(trigger);
                    break;
                }
                Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => {
                    if backoff.is_some() && Instant::now() < deadline && reachable() {
                        next = Some(Trigger::Network);
                        break;
                    }
                }
            }
        }
    }
}

/// Whether the portal's host answers a TCP connection: a cheap probe for "the network is back".
pub fn portal_reachable(url: &str, timeout: Duration) -> bool {
    let Ok(portal) = gongkai_sync::url::PortalUrl::parse(url) else {
        return false;
    };
    use std::net::ToSocketAddrs;
    portal
        .socket_address()
        .to_socket_addrs()
        .is_ok_and(|mut addrs| {
            addrs.any(|a| std::net::TcpStream::connect_timeout(&a, timeout).is_ok())
        })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};

    use super::*;

    fn timing(interval_ms: u64) -> Timing {
        Timing {
            interval: Duration::from_millis(interval_ms),
            first_backoff: Duration::from_secs(60),
            max_backoff: Duration::from_secs(60),
            probe_every: Duration::from_millis(20),
        }
    }

    /// Runs recorded by trigger; `ok` says whether each run succeeds.
    fn recorder(ok: Arc<AtomicBool>) -> (Arc<Mutex<Vec<Trigger>>>, impl FnMut(Trigger) -> bool) {
        let runs = Arc::new(Mutex::new(Vec::new()));
        let seen = runs.clone();
        (runs, move |t| {
            seen.lock().unwrap().push(t);
            ok.load(Ordering::SeqCst)
        })
    }

    fn wait_for(runs: &Arc<Mutex<Vec<Trigger>>>, trigger: Trigger) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while !runs.lock().unwrap().contains(&trigger) {
            assert!(
                Instant::now() < deadline,
                "no {trigger:?} run: {:?}",
                runs.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn runs_at_start() {
        let (runs, run) = recorder(Arc::new(AtomicBool::new(true)));
        let _scheduler = SyncScheduler::start(timing(60_000), run, || true);
        wait_for(&runs, Trigger::Start);
    }

    #[test]
    fn runs_on_the_timer() {
        let (runs, run) = recorder(Arc::new(AtomicBool::new(true)));
        let _scheduler = SyncScheduler::start(timing(30), run, || true);
        wait_for(&runs, Trigger::Timer);
    }

    #[test]
    fn runs_after_a_local_write_at_once_even_while_backing_off() {
        let (runs, run) = recorder(Arc::new(AtomicBool::new(false)));
        let scheduler = SyncScheduler::start(timing(60_000), run, || false);
        wait_for(&runs, Trigger::Start);
        let trigger = scheduler.trigger_handle();
        trigger(Trigger::Write);
        wait_for(&runs, Trigger::Write);
    }

    #[test]
    fn runs_when_the_network_comes_back_after_a_failure() {
        let ok = Arc::new(AtomicBool::new(false));
        let (runs, run) = recorder(ok.clone());
        let network = Arc::new(AtomicBool::new(false));
        let probe = network.clone();
        let _scheduler =
            SyncScheduler::start(timing(60_000), run, move || probe.load(Ordering::SeqCst));
        wait_for(&runs, Trigger::Start);
        std::thread::sleep(Duration::from_millis(80));
        assert_eq!(
            *runs.lock().unwrap(),
            [Trigger::Start],
            "no retry while offline"
        );
        ok.store(true, Ordering::SeqCst);
        network.store(true, Ordering::SeqCst);
        wait_for(&runs, Trigger::Network);
    }

    #[test]
    fn the_probe_tells_a_listening_portal_from_a_silent_one() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let timeout = Duration::from_millis(500);
        assert!(portal_reachable(
            &format!("http://127.0.0.1:{port}/"),
            timeout
        ));
        drop(listener);
        assert!(!portal_reachable(
            &format!("http://127.0.0.1:{port}"),
            timeout
        ));
    }

    #[test]
    fn no_network_probe_while_all_is_well() {
        let (runs, run) = recorder(Arc::new(AtomicBool::new(true)));
        let probes = Arc::new(Mutex::new(0));
        let counted = probes.clone();
        let scheduler = SyncScheduler::start(timing(60_000), run, move || {
            *counted.lock().unwrap() += 1;
            true
        });
        wait_for(&runs, Trigger::Start);
        std::thread::sleep(Duration::from_millis(80));
        drop(scheduler);
        assert_eq!(*probes.lock().unwrap(), 0);
    }
}
