//! A TCP proxy on loopback that delays every byte by a fixed time in each direction, so a
//! desk server on this machine answers as one across a slow link would (these kernels have
//! no netem). It also counts round trips: each time the client speaks after the server
//! has, a new exchange began. A client's goodbye alone (PostgreSQL's Terminate message,
//! seen on an unencrypted connection) waits for nothing and is not counted.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A running proxy: connect to `port` to reach `upstream` with `delay` added each way.
pub struct Proxy {
    pub port: u16,
    turns: Arc<Turns>,
}

/// Who spoke last on each connection, and how many times the client spoke after the server.
#[derive(Default)]
struct Turns {
    count: AtomicU64,
}

impl Proxy {
    /// Starts a proxy to `upstream` (host:port) on a free loopback port; it runs until the
    /// process ends.
    pub fn start(upstream: &str, delay: Duration) -> std::io::Result<Proxy> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let turns = Arc::new(Turns::default());
        let upstream = upstream.to_owned();
        let counted = turns.clone();
        thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let upstream = upstream.clone();
                let turns = counted.clone();
                thread::spawn(move || {
                    if let Ok(server) = TcpStream::connect(&upstream) {
                        relay(client, server, delay, &turns);
                    }
                });
            }
        });
        Ok(Proxy { port, turns })
    }

    /// Round trips begun through this proxy so far, over all its connections.
    pub fn round_trips(&self) -> u64 {
        self.turns.count.load(Ordering::SeqCst)
    }
}

/// PostgreSQL's Terminate message, as a client says goodbye.
const TERMINATE: [u8; 5] = [b'X', 0, 0, 0, 4];

/// Chunks waiting for their time to be sent, oldest first; `None` once the side closed.
type Queue = (Mutex<VecDeque<Option<(Instant, Vec<u8>)>>>, Condvar);

/// The last side that spoke on one connection: 0 none yet, 1 client, 2 server.
type Last = Arc<Mutex<u8>>;

fn relay(client: TcpStream, server: TcpStream, delay: Duration, turns: &Arc<Turns>) {
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let last: Last = Arc::new(Mutex::new(2));
    let (c_read, s_write) = match (client.try_clone(), server.try_clone()) {
        (Ok(c), Ok(s)) => (c, s),
        _ => return,
    };
    let up = {
        let (turns, last) = (turns.clone(), last.clone());
        thread::spawn(move || pump(c_read, s_write, delay, Some(&turns), &last))
    };
    pump(server, client, delay, None, &last);
    let _ = up.join();
}

/// Copies `from` to `to`, each chunk sent `delay` after it was read; `turns` is given for
/// the client's direction, which counts a round trip when it speaks after the server.
fn pump(mut from: TcpStream, to: TcpStream, delay: Duration, turns: Option<&Turns>, last: &Last) {
    let queue: Arc<Queue> = Arc::default();
    let sender = {
        let queue = queue.clone();
        let mut to = to;
        thread::spawn(move || {
            loop {
                let item = {
                    let (lock, ready) = &*queue;
                    let mut q = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while q.is_empty() {
                        q = ready.wait(q).unwrap_or_else(|e| e.into_inner());
                    }
                    q.pop_front().flatten()
                };
                let Some((due, bytes)) = item else {
                    let _ = to.shutdown(Shutdown::Write);
                    return;
                };
                let now = Instant::now();
                if due > now {
                    thread::sleep(due - now);
                }
                if to.write_all(&bytes).is_err() {
                    return;
                }
            }
        })
    };
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if buf[..n] != TERMINATE {
            let mut spoke = last.lock().unwrap_or_else(|e| e.into_inner());
            let me = if turns.is_some() { 1 } else { 2 };
            if let Some(turns) = turns
                && *spoke != me
            {
                turns.count.fetch_add(1, Ordering::SeqCst);
            }
            *spoke = me;
        }
        let (lock, ready) = &*queue;
        lock.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push_back(Some((Instant::now() + delay, buf[..n].to_vec())));
        ready.notify_one();
    }
    let (lock, ready) = &*queue;
    lock.lock()
        .unwrap_or_else(|e| e.into_inner())
        .push_back(None);
    ready.notify_one();
    let _ = sender.join();
}
