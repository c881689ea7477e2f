//! claimtrail's own formats, lossless: JSON (one object with `claimants`, `outlets` and
//! `claims`, a record a line inside each list) and JSONL (a tagged record a line). Both are
//! written and read a record at a time.

use std::cell::RefCell;
use std::fmt;
use std::io::{BufRead, Read, Write};

use anyhow::{Context, Result, anyhow, bail};
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::record::{ClaimRecord, ClaimantRecord, FORMAT_VERSION, OutletRecord, Record};
use super::{ClaimSink, Item};
use crate::model::ClaimDetail;

/// Writes the JSON form: the claimants and outlets up front, then the claims as they come.
pub struct JsonWriter<W: Write> {
    out: W,
    first_claim: bool,
}

impl<W: Write> JsonWriter<W> {
    pub fn begin(
        mut out: W,
        claimants: &[ClaimantRecord],
        outlets: &[OutletRecord],
    ) -> Result<Self> {
        writeln!(out, "{{\"claimtrail\": {FORMAT_VERSION},")?;
        write_list(&mut out, "claimants", claimants)?;
        writeln!(out, ",")?;
        write_list(&mut out, "outlets", outlets)?;
        write!(out, ",\n\"claims\": [")?;
        Ok(JsonWriter {
            out,
            first_claim: true,
        })
    }
}

fn write_list<T: serde::Serialize>(out: &mut impl Write, name: &str, items: &[T]) -> Result<()> {
    write!(out, "\"{name}\": [")?;
    for (i, item) in items.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, item)?;
    }
    write!(out, "{}]", if items.is_empty() { "" } else { "\n" })?;
    Ok(())
}

impl<W: Write> ClaimSink for JsonWriter<W> {
    fn claim(&mut self, detail: ClaimDetail) -> Result<()> {
        self.out
            .write_all(if self.first_claim { b"\n" } else { b",\n" })?;
        self.first_claim = false;
        serde_json::to_writer(&mut self.out, &ClaimRecord::from(detail))?;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        let close = if self.first_claim { "]}\n" } else { "\n]}\n" };
        self.out.write_all(close.as_bytes())?;
        self.out.flush()?;
        Ok(())
    }
}

/// Writes JSONL: a version line, then one tagged record a line.
pub struct JsonlWriter<W: Write> {
    out: W,
}

impl<W: Write> JsonlWriter<W> {
    pub fn begin(
        mut out: W,
        claimants: &[ClaimantRecord],
        outlets: &[OutletRecord],
    ) -> Result<Self> {
        let mut line = |record: &Record| -> Result<()> {
            serde_json::to_writer(&mut out, record)?;
            out.write_all(b"\n")?;
            Ok(())
        };
        line(&Record::Claimtrail(FORMAT_VERSION))?;
        for c in claimants {
            line(&Record::Claimant(c.clone()))?;
        }
        for o in outlets {
            line(&Record::Outlet(o.clone()))?;
        }
        Ok(JsonlWriter { out })
    }
}

impl<W: Write> ClaimSink for JsonlWriter<W> {
    fn claim(&mut self, detail: ClaimDetail) -> Result<()> {
        let record = Record::Claim(Box::new(ClaimRecord::from(detail)));
        serde_json::to_writer(&mut self.out, &record)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

/// Reads JSONL a line at a time; blank lines are skipped.
pub fn read_lines(reader: impl BufRead, mut each: impl FnMut(Item) -> Result<()>) -> Result<()> {
    for (index, line) in reader.lines().enumerate() {
        let where_ = format!("line {}", index + 1);
        let line = line.with_context(|| format!("{where_}: cannot read"))?;
        if line.trim().is_empty() {
            continue;
        }
        let mut de = serde_json::Deserializer::from_str(&line);
        let record: Record = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let inner = e.inner();
            let message = inner.to_string();
            // The parser counts lines within this one line; say where in the file instead.
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            anyhow!(
                "{where_}, column {}: {}: {message}",
                inner.column(),
                e.path()
            )
        })?;
        each(Item {
            position: where_,
            record,
        })?;
    }
    Ok(())
}

/// Reads the JSON form, handing each record over as soon as it is parsed, so a ledger of
/// any size is read in constant memory.
pub fn read_ledger(reader: impl Read, each: impl FnMut(Item) -> Result<()>) -> Result<()> {
    let each = RefCell::new(each);
    let failure: RefCell<Option<anyhow::Error>> = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_reader(reader);
    let mut track = serde_path_to_error::Track::new();
    let seed = LedgerSeed {
        each: &each,
        failure: &failure,
    };
    let parsed = seed.deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track));
    if let Some(e) = failure.take() {
        return Err(e);
    }
    if let Err(e) = parsed {
        bail!("{}", describe(&track.path(), &e));
    }
    de.end().map_err(|e| anyhow!("after the ledger: {e}"))?;
    Ok(())
}

/// "claims[3].history[0].status: unknown status ... at line 9 column 40".
fn describe(path: &serde_path_to_error::Path, e: &serde_json::Error) -> String {
    let path = path.to_string();
    if path == "." || path.is_empty() {
        e.to_string()
    } else {
        format!("{path}: {e}")
    }
}

struct LedgerSeed<'a, F> {
    each: &'a RefCell<F>,
    failure: &'a RefCell<Option<anyhow::Error>>,
}

impl<'de, F: FnMut(Item) -> Result<()>> DeserializeSeed<'de> for LedgerSeed<'_, F> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Item) -> Result<()>> Visitor<'de> for LedgerSeed<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a claimtrail ledger: an object with claimants, outlets and claims")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "claimtrail" => {
                    let version: u32 = map.next_value()?;
                    if version > FORMAT_VERSION {
                        return Err(de::Error::custom(format!(
                            "written by a newer claimtrail (format {version}; this one reads up to {FORMAT_VERSION})"
                        )));
                    }
                }
                "claimants" => map.next_value_seed(self.section::<ClaimantRecord>("claimants"))?,
                "outlets" => map.next_value_seed(self.section::<OutletRecord>("outlets"))?,
                "claims" => map.next_value_seed(self.section::<ClaimRecord>("claims"))?,
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown section \"{other}\" (expected claimtrail, claimants, outlets, claims)"
                    )));
                }
            }
        }
        Ok(())
    }
}

impl<'a, F> LedgerSeed<'a, F> {
    fn section<T>(&self, name: &'static str) -> Section<'a, F, T> {
        Section {
            name,
            each: self.each,
            failure: self.failure,
            kind: std::marker::PhantomData,
        }
    }
}

/// One of the lists, read element by element.
struct Section<'a, F, T> {
    name: &'static str,
    each: &'a RefCell<F>,
    failure: &'a RefCell<Option<anyhow::Error>>,
    kind: std::marker::PhantomData<T>,
}

impl<'de, F, T> DeserializeSeed<'de> for Section<'_, F, T>
where
    F: FnMut(Item) -> Result<()>,
    T: DeserializeOwned + Into<Record>,
{
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F, T> Visitor<'de> for Section<'_, F, T>
where
    F: FnMut(Item) -> Result<()>,
    T: DeserializeOwned + Into<Record>,
{
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of {}", self.name)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(record) = seq.next_element::<T>()? {
            // Named as the parser names a bad field in it: claims[2] is the third claim.
            let item = Item {
                position: format!("{}[{index}]", self.name),
                record: record.into(),
            };
            index += 1;
            if let Err(e) = (self.each.borrow_mut())(item) {
                self.failure.replace(Some(e));
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

impl From<ClaimantRecord> for Record {
    fn from(r: ClaimantRecord) -> Self {
        Record::Claimant(r)
    }
}

impl From<OutletRecord> for Record {
    fn from(r: OutletRecord) -> Self {
        Record::Outlet(r)
    }
}

impl From<ClaimRecord> for Record {
    fn from(r: ClaimRecord) -> Self {
        Record::Claim(Box::new(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_ledger_is_read_a_record_at_a_time_in_order() {
        let text = r#"{"claimtrail": 1,
            "claimants": [{"name": "Fareed Yasseen", "kind": "official"}],
            "outlets": [{"name": "France Inter", "kind": "broadcaster"}],
            "claims": []}"#;
        let mut seen = Vec::new();
        read_ledger(text.as_bytes(), |item| {
            seen.push(item.position);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["claimants[0]", "outlets[0]"]);
    }

    #[test]
    fn a_bad_field_is_named_with_its_place() {
        let text = r#"{"claims": [{"uid": "x", "text": "t", "logged_at": "2014-06-12",
            "logged_by": "r", "status": "verfied", "attributions": [], "history": []}]}"#;
        let err = read_ledger(text.as_bytes(), |_| Ok(()))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("claims[0].status: unknown status \"verfied\""),
            "{err}"
        );
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn a_failure_in_the_caller_stops_the_read_and_is_returned_whole() {
        let text = r#"{"outlets": [{"name": "A"}, {"name": "B"}]}"#;
        let err = read_ledger(text.as_bytes(), |item| {
            if item.position == "outlets[1]" {
                bail!("no room for B")
            }
            Ok(())
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "no room for B");
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let text = "{\"claimtrail\":1}\n\n{\"outlet\":{\"name\":\"A\",\"kind\":\"tv\"}}\n";
        let err = read_lines(text.as_bytes(), |_| Ok(()))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("line 3, column 34: outlet.kind: unknown outlet kind \"tv\""),
            "{err}"
        );
        assert!(!err.contains("line 1"), "{err}");
    }

    #[test]
    fn records_read_back_as_written() {
        let record = Record::Outlet(OutletRecord {
            name: "SITE Intelligence Group".into(),
            kind: crate::model::OutletKind::Monitor,
            aliases: vec!["SITE".into()],
            merged: Vec::new(),
        });
        let line = serde_json::to_string(&record).unwrap();
        assert_eq!(
            line,
            r#"{"outlet":{"name":"SITE Intelligence Group","kind":"monitor","aliases":["SITE"]}}"#
        );
        assert_eq!(serde_json::from_str::<Record>(&line).unwrap(), record);
    }
}
