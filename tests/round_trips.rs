//! How many times the everyday commands wait on the desk server. A reporter on hotel wifi
//! is tens of milliseconds away, so each wait is felt; an everyday command should cost its
//! connection and at most two round trips of work (`cite`, which also shows the claim's
//! sources after, three). They are counted by a proxy between claimtrail
//! and the server, which sees each time the client speaks after the server has (what the
//! server's log cannot show: statements sent together are one wait, and a statement
//! prepared apart is two). The connection through it is unencrypted, so that connecting is
//! one exchange (the start-up message, answered whole on this trusting test server) and
//! the proxy can tell the goodbye, which waits for nothing.

mod common;

use std::time::Duration;

use common::desk::{Desk, server};
use common::proxy::Proxy;
use common::{spawn_claimtrail, succeeded};

/// `url` with its host and port replaced by the proxy's, unencrypted.
fn through(url: &str, proxy: &Proxy) -> String {
    let (head, rest) = url.rsplit_once('@').expect("a user in the URL");
    let db = rest.split_once('/').map_or("", |(_, db)| db);
    format!("{head}@127.0.0.1:{}/{db}?sslmode=disable", proxy.port)
}

/// Exchanges connecting takes: the start-up message and its answer.
const CONNECTING: u64 = 1;

fn upstream(url: &str) -> String {
    let rest = url.rsplit_once('@').expect("a user in the URL").1;
    rest.split('/').next().expect("host:port").to_owned()
}

/// Round trips `claimtrail --db url args` took, less those of connecting.
fn work(proxy: &Proxy, url: &str, args: &[&str]) -> u64 {
    let before = proxy.round_trips();
    let out = spawn_claimtrail()
        .args(["--db", url])
        .args(args)
        .output()
        .expect("run claimtrail");
    succeeded(out, &format!("{args:?}"));
    proxy.round_trips() - before - CONNECTING
}

#[test]
fn everyday_commands_wait_on_the_desk_at_most_twice_and_cite_three_times() {
    let Some(admin) = server() else { return };
    let desk = Desk::new(&admin);
    let direct = desk.login(&format!("rt_{}", desk.tag), "claimtrail_reporter");
    // A few milliseconds each way, so that a flight the client sends in pieces is seen as the
    // one wait it is, not answered piece by piece on loopback.
    let proxy = Proxy::start(&upstream(&direct), Duration::from_millis(5)).expect("a proxy");
    let url = through(&direct, &proxy);
    // A known claimant and outlet, as most of a day's claims have.
    for i in 0..3 {
        let out = spawn_claimtrail()
            .args([
                "--db",
                &direct,
                "add",
                &format!("The bridge at Mosul was closed, day {i}"),
            ])
            .args([
                "--by",
                "Jabbar Yawar",
                "--via",
                "SITE Intelligence Group",
                "--via",
                "NBC News",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // A usage error never reaches the server.
    let before = proxy.round_trips();
    let out = spawn_claimtrail()
        .args(["--db", &url, "show", "1", "--format", "nonsense"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(proxy.round_trips(), before, "a usage error never connects");

    let add = [
        "add",
        "The dam at Mosul holds",
        "--by",
        "Jabbar Yawar",
        "--via",
        "SITE Intelligence Group",
        "--via",
        "NBC News",
    ];
    for (args, most) in [
        (&add[..], 2),
        (&["mark", "1", "verified"][..], 2),
        (&["show", "1"][..], 2),
        (&["list"][..], 2),
        (&["report"][..], 2),
        (
            &["cite", "2", "--by", "Jabbar Yawar", "--via", "Reuters"][..],
            3,
        ),
    ] {
        let took = work(&proxy, &url, args);
        assert!(took <= most, "{args:?} waited on the server {took} times");
    }
}

/// `url` through the proxy, encrypted as the test server's authority allows.
fn through_encrypted(url: &str, proxy: &Proxy) -> String {
    through(url, proxy).replace("sslmode=disable", "sslmode=require")
}

#[test]
fn encrypting_a_connection_costs_two_round_trips_not_three() {
    let Some(admin) = server() else { return };
    if std::env::var_os("CLAIMTRAIL_TEST_PG_CA").is_none() {
        eprintln!("CLAIMTRAIL_TEST_PG_CA is not set; skipping (.ci/run sets it)");
        return;
    }
    let desk = Desk::new(&admin);
    let direct = desk.login(&format!("tls_{}", desk.tag), "claimtrail_reporter");
    let proxy = Proxy::start(&upstream(&direct), Duration::from_millis(5)).expect("a proxy");
    let plain = work(&proxy, &through(&direct, &proxy), &["list"]);
    let encrypted = work(&proxy, &through_encrypted(&direct, &proxy), &["list"]);
    // The SSL request and one TLS 1.3 handshake; a server left at PostgreSQL's default
    // curve (P-256) must not have to ask for another key share. The third is the goodbye,
    // which the proxy cannot tell apart once it is encrypted.
    assert_eq!(
        encrypted - plain,
        3,
        "an encrypted connection took {encrypted} round trips against {plain} in the clear"
    );
}
