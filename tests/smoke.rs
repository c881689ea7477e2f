mod common;

#[test]
fn add_then_list_shows_the_claim() {
    let ledger = common::Ledger::new();
    let id = ledger.add(&["March to Baghdad", "--by", "Adnani", "--via", "SITE"]);
    assert_eq!(id, 1);
    let list = ledger.json(&["list"]);
    assert_eq!(list[0]["text"], "March to Baghdad");
}
