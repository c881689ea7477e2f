//! A delaying TCP proxy for benchmarks, the one the tests use: every byte reaches the other
//! side `DELAY_MS` after it was sent, in each direction, so a server on loopback answers as
//! one across a slow link would.
//!
//! ```text
//! cargo run --release --example delay_proxy -- 127.0.0.1:5432 10
//! ```
//!
//! prints the port it listens on, then relays until killed.

#[path = "../tests/common/proxy.rs"]
#[allow(dead_code)]
mod proxy;

use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(upstream), Some(delay)) = (args.first(), args.get(1)) else {
        eprintln!("usage: delay_proxy HOST:PORT DELAY_MS");
        return ExitCode::from(2);
    };
    let Ok(ms) = delay.parse::<u64>() else {
        eprintln!("delay_proxy: {delay} is not a whole number of milliseconds");
        return ExitCode::from(2);
    };
    match proxy::Proxy::start(upstream, Duration::from_millis(ms)) {
        Ok(p) => {
            println!("{}", p.port);
            loop {
                std::thread::park();
            }
        }
        Err(e) => {
            eprintln!("delay_proxy: cannot listen: {e}");
            ExitCode::from(1)
        }
    }
}
