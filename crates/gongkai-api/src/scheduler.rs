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
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::{Receiver, channel};

    use super::*;

    fn timing(interval_ms: u64) -> Timing {
        Timing {
            interval: Duration::from_millis(interval_ms),
            first_backoff: Duration::from_secs(60),
            max_backoff: Duration::from_secs(60),
            probe_every: Duration::from_millis(20),
        }
    }

    /// What the loop did, in its own order: the runs (by trigger) and the network probes (with
    /// their answer). "Nothing happened" is then checked against events that did happen, never
    /// after a sleep.
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Seen {
        Run(Trigger),
        Probe(bool),
    }

    /// A scheduler whose runs answer `ok` and whose probes answer `network`, and the channel
    /// that reports both.
    fn observed(
        timing: Timing,
        ok: &Arc<AtomicBool>,
        network: &Arc<AtomicBool>,
    ) -> (SyncScheduler, Receiver<Seen>) {
        let (seen, events) = channel();
        let (ok, network, probed) = (ok.clone(), network.clone(), seen.clone());
        let scheduler = SyncScheduler::start(
            timing,
            move |trigger| {
                let _ = seen.send(Seen::Run(trigger));
                ok.load(Ordering::SeqCst)
            },
            move || {
                let answer = network.load(Ordering::SeqCst);
                let _ = probed.send(Seen::Probe(answer));
                answer
            },
        );
        (scheduler, events)
    }

    fn flag(value: bool) -> Arc<AtomicBool> {
        Arc::new(AtomicBool::new(value))
    }

    /// The loop's next event (it is alive: a test waits on the loop, not on the clock).
    fn next(events: &Receiver<Seen>) -> Seen {
        events
            .recv_timeout(Duration::from_secs(10))
            .expect("the scheduler did nothing for 10 s")
    }

    /// The next run, skipping the probes that answered `false` before it.
    fn next_run_after_failed_probes(events: &Receiver<Seen>) -> Trigger {
        loop {
            match next(events) {
                Seen::Probe(false) => continue,
                Seen::Run(trigger) => return trigger,
                other => panic!("a run expected, not {other:?}"),
            }
        }
    }

    #[test]
    fn runs_at_start() {
        let (_scheduler, events) = observed(timing(60_000), &flag(true), &flag(true));
        assert_eq!(next(&events), Seen::Run(Trigger::Start));
    }

    #[test]
    fn runs_on_the_timer() {
        let (_scheduler, events) = observed(timing(30), &flag(true), &flag(true));
        assert_eq!(next(&events), Seen::Run(Trigger::Start));
        assert_eq!(next(&events), Seen::Run(Trigger::Timer));
        assert_eq!(next(&events), Seen::Run(Trigger::Timer));
    }

    #[test]
    fn runs_after_a_local_write_at_once_even_while_backing_off() {
        let (scheduler, events) = observed(timing(60_000), &flag(false), &flag(false));
        assert_eq!(next(&events), Seen::Run(Trigger::Start));
        // The run failed: the loop backs off for 60 s and probes meanwhile.
        assert_eq!(next(&events), Seen::Probe(false));
        let trigger = scheduler.trigger_handle();
        trigger(Trigger::Write);
        assert_eq!(next_run_after_failed_probes(&events), Trigger::Write);
    }

    #[test]
    fn runs_when_the_network_comes_back_after_a_failure() {
        let (ok, network) = (flag(false), flag(false));
        let (_scheduler, events) = observed(timing(60_000), &ok, &network);
        assert_eq!(next(&events), Seen::Run(Trigger::Start));
        // Three probes found no network, and nothing ran between them (the loop calls one
        // thing at a time, so a retry after a failed probe would come before the next probe).
        for probe in 1..=3 {
            assert_eq!(
                next(&events),
                Seen::Probe(false),
                "probe {probe}: no retry while offline"
            );
        }
        ok.store(true, Ordering::SeqCst);
        network.store(true, Ordering::SeqCst);
        // The first probe that finds the network runs at once.
        loop {
            match next(&events) {
                Seen::Probe(false) => continue,
                Seen::Probe(true) => break,
                Seen::Run(trigger) => panic!("{trigger:?} ran before the network came back"),
            }
        }
        assert_eq!(next(&events), Seen::Run(Trigger::Network));
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
        // Probes would be due every 5 ms; two whole intervals of 50 ms pass with none.
        let timing = Timing {
            interval: Duration::from_millis(50),
            probe_every: Duration::from_millis(5),
            ..timing(50)
        };
        let (_scheduler, events) = observed(timing, &flag(true), &flag(true));
        for expected in [Trigger::Start, Trigger::Timer, Trigger::Timer] {
            assert_eq!(next(&events), Seen::Run(expected));
        }
    }
}
