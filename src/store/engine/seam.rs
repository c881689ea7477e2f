//! The seam between the engine and a database: statements with numbered parameters (`?1`),
//! plain values, and rows read by column name.

use std::borrow::Cow;
use std::rc::Rc;
use std::str::FromStr;

use anyhow::{Result, anyhow};

use crate::time::Timestamp;

/// A value going into or coming out of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
    Bool(bool),
    Time(Timestamp),
    /// A list of ids, for `Dialect::in_list`.
    Ints(Vec<i64>),
    /// A list of texts, for `Dialect::in_list`.
    Texts(Vec<String>),
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Text(s.clone())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<Timestamp> for Value {
    fn from(t: Timestamp) -> Value {
        Value::Time(t)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

impl<T: Clone + Into<Value>> From<&Option<T>> for Value {
    fn from(v: &Option<T>) -> Value {
        v.clone().map_or(Value::Null, Into::into)
    }
}

/// Statement values from a list of anything that makes one.
#[macro_export]
macro_rules! values {
    ($($v:expr),* $(,)?) => { &[$($crate::store::engine::Value::from($v)),*] };
}

/// One value of a row, as a reader finds it: a text borrowed from wherever the row is
/// held where it can be.
#[derive(Debug, Clone)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Bool(bool),
    Time(Timestamp),
    Text(Cow<'a, str>),
}

/// A row of a result, its values found by column name, so that adding a column to a query
/// cannot shift what a reader takes: an owned `Row`, or a database's own row read in place
/// by `Seam::each`.
pub trait Values {
    fn cell(&self, column: &str) -> Result<Cell<'_>>;
}

/// Where `column` is among the `n` columns `name` gives, looking first after `hint` (just
/// past the last column found), since readers mostly go in select order; `hint` moves on.
pub fn find_column<'n>(
    n: usize,
    name: impl Fn(usize) -> &'n str,
    column: &str,
    hint: &std::cell::Cell<usize>,
) -> Result<usize> {
    let start = hint.get();
    let at = (start..n)
        .chain(0..start.min(n))
        .find(|&i| name(i) == column)
        .ok_or_else(|| anyhow!("the ledger's answer has no column {column}"))?;
    hint.set(at + 1);
    Ok(at)
}

/// What a reader asks of a row, for any `Values`.
pub trait Read: Values {
    /// A text, in place.
    fn str(&self, column: &str) -> Result<Option<Cow<'_, str>>> {
        match self.cell(column)? {
            Cell::Text(s) => Ok(Some(s)),
            Cell::Null => Ok(None),
            other => Err(anyhow!("column {column} holds {other:?}, not text")),
        }
    }

    fn int(&self, column: &str) -> Result<i64> {
        self.opt_int(column)?
            .ok_or_else(|| anyhow!("column {column} is empty, not a number"))
    }

    fn opt_int(&self, column: &str) -> Result<Option<i64>> {
        match self.cell(column)? {
            Cell::Int(n) => Ok(Some(n)),
            Cell::Null => Ok(None),
            other => Err(anyhow!("column {column} holds {other:?}, not a number")),
        }
    }

    /// A count: a number that cannot be negative; an empty sum counts none.
    fn count(&self, column: &str) -> Result<u64> {
        let n = self.opt_int(column)?.unwrap_or(0);
        u64::try_from(n).map_err(|_| anyhow!("column {column} holds a negative count ({n})"))
    }

    fn text(&self, column: &str) -> Result<String> {
        self.opt_text(column)?
            .ok_or_else(|| anyhow!("column {column} is empty, not text"))
    }

    fn opt_text(&self, column: &str) -> Result<Option<String>> {
        Ok(self.str(column)?.map(Cow::into_owned))
    }

    /// A flag, which SQLite keeps as 0 or 1.
    fn flag(&self, column: &str) -> Result<bool> {
        match self.cell(column)? {
            Cell::Bool(b) => Ok(b),
            Cell::Int(n) => Ok(n != 0),
            other => Err(anyhow!("column {column} holds {other:?}, not a flag")),
        }
    }

    fn time(&self, column: &str) -> Result<Timestamp> {
        self.opt_time(column)?
            .ok_or_else(|| anyhow!("column {column} is empty, not a time"))
    }

    fn opt_time(&self, column: &str) -> Result<Option<Timestamp>> {
        match self.cell(column)? {
            Cell::Time(t) => Ok(Some(t)),
            Cell::Text(s) => Timestamp::parse_stored(&s)
                .map(Some)
                .map_err(|e| anyhow!(e)),
            Cell::Null => Ok(None),
            other => Err(anyhow!("column {column} holds {other:?}, not a time")),
        }
    }

    /// One of claimtrail's words (a status, a kind, a field).
    fn word<T: FromStr<Err = String>>(&self, column: &str) -> Result<T> {
        self.opt_word(column)?
            .ok_or_else(|| anyhow!("column {column} is empty, not a word"))
    }

    fn opt_word<T: FromStr<Err = String>>(&self, column: &str) -> Result<Option<T>> {
        self.str(column)?
            .map(|w| w.parse().map_err(|e: String| anyhow!(e)))
            .transpose()
    }
}

impl<V: Values + ?Sized> Read for V {}

/// A row's value as an owned row keeps it; a text is a span of the row's buffer.
#[derive(Debug, Clone, Copy)]
enum Kept {
    Null,
    Int(i64),
    Bool(bool),
    Time(Timestamp),
    Text(u32, u32),
}

/// A row of a result kept after the statement: its texts share one buffer.
#[derive(Debug, Clone)]
pub struct Row {
    columns: Rc<[String]>,
    cells: Vec<Kept>,
    text: String,
    next: std::cell::Cell<usize>,
}

impl Row {
    /// A row for `columns`, copied from `values`, a database row read in place.
    pub fn copy(columns: Rc<[String]>, values: &dyn Values) -> Result<Row> {
        let mut row = Row {
            cells: Vec::with_capacity(columns.len()),
            columns: columns.clone(),
            text: String::new(),
            next: std::cell::Cell::new(0),
        };
        for column in columns.iter() {
            let kept = match values.cell(column)? {
                Cell::Null => Kept::Null,
                Cell::Int(n) => Kept::Int(n),
                Cell::Bool(b) => Kept::Bool(b),
                Cell::Time(t) => Kept::Time(t),
                Cell::Text(s) => {
                    let from = row.text.len() as u32;
                    row.text.push_str(&s);
                    Kept::Text(from, row.text.len() as u32)
                }
            };
            row.cells.push(kept);
        }
        Ok(row)
    }
}

impl Values for Row {
    fn cell(&self, column: &str) -> Result<Cell<'_>> {
        let columns = &self.columns;
        let i = find_column(columns.len(), |i| &columns[i], column, &self.next)?;
        Ok(match self.cells[i] {
            Kept::Null => Cell::Null,
            Kept::Int(n) => Cell::Int(n),
            Kept::Bool(b) => Cell::Bool(b),
            Kept::Time(t) => Cell::Time(t),
            Kept::Text(from, to) => {
                Cell::Text(Cow::Borrowed(&self.text[from as usize..to as usize]))
            }
        })
    }
}

/// What differs between the databases, spelled once for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// The statement as this database numbers its parameters: SQLite takes the engine's
    /// `?1`, PostgreSQL wants `$1`. The engine's SQL holds no `?` but its parameters.
    pub fn sql(self, sql: &str) -> Cow<'_, str> {
        match self {
            Dialect::Sqlite => Cow::Borrowed(sql),
            Dialect::Postgres => Cow::Owned(sql.replace('?', "$")),
        }
    }

    /// `expr` grouped and compared without regard to case, as this database indexes it.
    pub fn caseless(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("{expr} COLLATE NOCASE"),
            Dialect::Postgres => format!("lower({expr})"),
        }
    }

    /// `expr` ordered without regard to case, byte by byte whatever the server's locale.
    pub fn caseless_order(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("{expr} COLLATE NOCASE"),
            Dialect::Postgres => format!("lower({expr}) COLLATE \"C\""),
        }
    }

    /// `expr` ordered byte by byte, whatever the server's locale.
    pub fn bytewise(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => expr.to_owned(),
            Dialect::Postgres => format!("{expr} COLLATE \"C\""),
        }
    }

    /// `expr` is one of the values in parameter `param` (a `Value::Ints` or `Value::Texts`).
    pub fn in_list(self, expr: &str, param: &str) -> String {
        match self {
            Dialect::Sqlite => format!("{expr} IN (SELECT value FROM json_each({param}))"),
            Dialect::Postgres => format!("{expr} = ANY({param})"),
        }
    }

    /// Whether many rows written at once go faster than one by one (COPY, on a desk). A
    /// file, which writes in process, takes each claim's rows as they come, and needs no
    /// savepoint to say which of many the database refused.
    pub fn writes_together(self) -> bool {
        self == Dialect::Postgres
    }

    /// `FROM` what gives the rows of `table` whose `column` is one of the values in
    /// parameter `param`, for a list long enough that SQLite should walk it and look each
    /// up rather than scan the table.
    pub fn listed(self, table: &str, column: &str, param: &str) -> String {
        match self {
            Dialect::Sqlite => format!(
                "json_each({param}) AS listed CROSS JOIN {table} WHERE {table}.{column} = listed.value"
            ),
            Dialect::Postgres => format!("{table} WHERE {column} = ANY({param})"),
        }
    }

    /// Where `needle` stands in `haystack`, from 1; 0 when it does not.
    pub fn position(self, needle: &str, haystack: &str) -> String {
        match self {
            Dialect::Sqlite => format!("instr({haystack}, {needle})"),
            Dialect::Postgres => format!("strpos({haystack}, {needle})"),
        }
    }

    /// The relation holding the claimants this connection may see: on a desk, a reporter's
    /// login sees a confidential claimant only as its placeholder.
    pub fn claimants(self) -> &'static str {
        match self {
            Dialect::Sqlite => "claimants",
            Dialect::Postgres => "claimants_visible",
        }
    }

    /// The statement giving, as `id`, the claimant a name key (`?1`) stands for whether or
    /// not this connection may read it; `None` where every row may be read.
    pub fn claimant_named(self) -> Option<&'static str> {
        match self {
            Dialect::Sqlite => None,
            Dialect::Postgres => Some("SELECT claimtrail_claimant_named(?1) AS id"),
        }
    }

    /// The statement drawing, as rows of `id`, the ids the next `n` new rows of `table` will
    /// have (a file's writer holds the write lock, so they are the largest and on).
    pub fn next_ids(self, table: &str, n: usize) -> String {
        match self {
            Dialect::Sqlite => format!(
                "WITH RECURSIVE drawn (id) AS (
                     SELECT coalesce(max(id), 0) + 1 FROM {table}
                     UNION ALL SELECT id + 1 FROM drawn LIMIT {n})
                 SELECT id FROM drawn"
            ),
            Dialect::Postgres => format!(
                "SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS id
                 FROM generate_series(1, {n})"
            ),
        }
    }

    /// An expression drawing the id a new row of `table` will have, so that the rows
    /// naming it can be sent with it rather than after its id comes back (and a desk
    /// reporter may add a confidential claimant it cannot read back). A file's writer holds
    /// the write lock, so the next id is the largest plus one; `table` is one of ours.
    pub fn next_id(self, table: &str) -> String {
        match self {
            Dialect::Sqlite => format!("(SELECT coalesce(max(id), 0) + 1 FROM {table})"),
            Dialect::Postgres => format!("nextval(pg_get_serial_sequence('{table}', 'id'))"),
        }
    }

    /// The statement filling in what a claimant lacks (`?1` its id, `?2` role, `?3`
    /// affiliation, `?4` whether it becomes confidential): on a desk, a function that lets
    /// a reporter do that and nothing else.
    pub fn fill_in(self) -> &'static str {
        match self {
            Dialect::Sqlite => {
                "UPDATE claimants SET role = coalesce(role, ?2),
                     affiliation = coalesce(affiliation, ?3),
                     confidential = confidential OR ?4
                 WHERE id = ?1"
            }
            Dialect::Postgres => "SELECT claimtrail_fill_in(?1, ?2, ?3, ?4)",
        }
    }

    /// The statement giving, as `mark`, how far this ledger's changes go in the snapshot it
    /// reads in: on a file, which has one writer at a time, the last change noted, counting
    /// the notes a bulk load under way adds at its end, one for each claim it added; on a
    /// desk, whose writers commit out of order, the snapshot itself.
    pub fn change_mark(self) -> &'static str {
        match self {
            Dialect::Sqlite => {
                "SELECT CAST(coalesce(max(seq), 0) + coalesce(
                     (SELECT count(*) FROM claims WHERE id >= (SELECT first_new_claim FROM bulk_load)),
                     0) AS TEXT) AS mark
                 FROM changes"
            }
            Dialect::Postgres => "SELECT CAST(pg_current_snapshot() AS TEXT) AS mark",
        }
    }

    /// The statement giving, as `id`, the ledger's own identity: a desk's, recorded as it
    /// was set up; a file has none.
    pub fn ledger_identity(self) -> Option<&'static str> {
        match self {
            Dialect::Sqlite => None,
            Dialect::Postgres => {
                Some("SELECT CAST(ledger_id AS TEXT) AS id FROM claimtrail_schema LIMIT 1")
            }
        }
    }

    /// A condition on `changes n` that it was noted after the mark `?{param}`: on a desk,
    /// by a transaction that mark's snapshot could not see.
    pub fn changed_since(self, param: usize) -> String {
        match self {
            Dialect::Sqlite => format!("n.seq > CAST(?{param} AS INTEGER)"),
            Dialect::Postgres => format!(
                "n.xid >= pg_snapshot_xmin(CAST(?{param} AS pg_snapshot))
                 AND NOT pg_visible_in_snapshot(n.xid, CAST(?{param} AS pg_snapshot))"
            ),
        }
    }

    /// The join that keeps its left side outermost: the claims a filter picks by index,
    /// each then finding its sources, rather than every source being walked. PostgreSQL's
    /// planner, which has statistics, chooses for itself.
    pub fn outer_first(self) -> &'static str {
        match self {
            Dialect::Sqlite => "CROSS JOIN",
            Dialect::Postgres => "JOIN",
        }
    }

    /// What a SELECT ends with to lock the rows it reads until the transaction ends; SQLite's
    /// write lock already holds the whole file.
    pub fn lock_row(self) -> &'static str {
        match self {
            Dialect::Sqlite => "",
            Dialect::Postgres => " FOR UPDATE",
        }
    }

    /// What to run before grouping a whole ledger: on a desk, room to group in memory
    /// rather than spill to disk.
    pub fn before_grouping(self) -> Option<&'static str> {
        match self {
            Dialect::Sqlite => None,
            Dialect::Postgres => Some("SET LOCAL work_mem = '64MB'"),
        }
    }

    /// A condition on `claims c` that every word of `words` appears in its text; the words
    /// are searched for, never obeyed, and each goes in as a parameter from `next`.
    pub fn words_in_text(self, words: &str, next: usize) -> (String, Vec<Value>) {
        match self {
            Dialect::Sqlite => (
                format!("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?{next})"),
                vec![Value::Text(fts_phrases(words.split_whitespace(), " "))],
            ),
            Dialect::Postgres => {
                let words: Vec<&str> = words.split_whitespace().collect();
                if words.is_empty() {
                    return ("false".to_owned(), Vec::new());
                }
                let parts: Vec<String> = (0..words.len())
                    .map(|i| {
                        format!(
                            "to_tsvector('simple', c.text) @@ phraseto_tsquery('simple', ?{})",
                            next + i
                        )
                    })
                    .collect();
                (
                    parts.join(" AND "),
                    words.into_iter().map(Value::from).collect(),
                )
            }
        }
    }

    /// Open claims sharing both words of one of `pairs`, or the one word of a single,
    /// newest first: `?1` the query, `?2` the claim left out, `?3` how many, among the
    /// last `?4` claims logged.
    pub fn open_with_words(self, open: &str) -> String {
        match self {
            // In the index's own order, so the search stops at the limit rather than
            // ranking every claim that shares a common word.
            Dialect::Sqlite => format!(
                "SELECT c.id, c.text FROM claims_fts f JOIN claims c ON c.id = f.rowid
                 WHERE claims_fts MATCH ?1 AND c.id <> ?2 AND c.status IN ({open})
                   AND f.rowid > (SELECT coalesce(max(id), 0) FROM claims) - ?4
                 ORDER BY f.rowid DESC LIMIT ?3"
            ),
            Dialect::Postgres => format!(
                "SELECT c.id, c.text FROM claims c
                 WHERE to_tsvector('simple', c.text) @@ to_tsquery('simple', ?1) AND c.id <> ?2
                   AND c.status IN ({open})
                   AND c.id > (SELECT coalesce(max(id), 0) FROM claims) - ?4
                 ORDER BY c.id DESC LIMIT ?3"
            ),
        }
    }

    /// The query `open_with_words` takes for any of `groups`, each a set of words that
    /// must all appear.
    pub fn word_query(self, groups: &[Vec<&str>]) -> String {
        let (and, or) = match self {
            Dialect::Sqlite => (" AND ", " OR "),
            Dialect::Postgres => (" & ", " | "),
        };
        let quote = |w: &str| match self {
            Dialect::Sqlite => format!("\"{}\"", w.replace('"', "\"\"")),
            Dialect::Postgres => format!("'{}'", w.replace('\\', "\\\\").replace('\'', "''")),
        };
        groups
            .iter()
            .map(|words| {
                let quoted: Vec<String> = words.iter().map(|w| quote(w)).collect();
                if quoted.len() == 1 {
                    quoted[0].clone()
                } else {
                    format!("({})", quoted.join(and))
                }
            })
            .collect::<Vec<_>>()
            .join(or)
    }
}

/// Each word becomes a quoted FTS5 string, so punctuation and operators in what the user
/// typed are searched for rather than obeyed.
fn fts_phrases<'a>(words: impl Iterator<Item = &'a str>, joint: &str) -> String {
    let quoted: Vec<String> = words
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if quoted.is_empty() {
        "\"\"".to_owned()
    } else {
        quoted.join(joint)
    }
}

/// A statement whose rows one reader takes, among others that do not depend on it.
pub struct Reading<'r> {
    pub sql: String,
    pub params: Vec<Value>,
    pub each: Reader<'r>,
}

/// What reads the rows of one statement of several.
pub type Reader<'r> = Box<dyn FnMut(&dyn Values) -> Result<()> + 'r>;

impl<'r> Reading<'r> {
    pub fn new(
        sql: impl Into<String>,
        params: Vec<Value>,
        each: impl FnMut(&dyn Values) -> Result<()> + 'r,
    ) -> Self {
        Reading {
            sql: sql.into(),
            params,
            each: Box::new(each),
        }
    }
}

/// A connection inside one transaction the backend opened, as the engine uses it.
/// Statements are prepared once per connection and kept.
///
/// A desk is a network away, so what the engine asks of it is shaped to be sent together:
/// statements whose answer nothing waits for are `defer`red, and reads that do not depend
/// on one another go out as one `each_of`. A file runs each at once.
pub trait Seam {
    fn dialect(&self) -> Dialect;

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>>;

    /// Calls `each` with every row of a result in turn, read in place: for the statements
    /// that read many rows.
    fn each(
        &mut self,
        sql: &str,
        params: &[Value],
        each: &mut dyn FnMut(&dyn Values) -> Result<()>,
    ) -> Result<()>;

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64>;

    /// Runs an INSERT of a name; false when another writer took the name first, which
    /// leaves the transaction as it was.
    fn insert_unless_taken(&mut self, sql: &str, params: &[Value]) -> Result<bool>;

    /// The row a statement returns, if any.
    fn query_opt(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// The one row a statement returns.
    fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Row> {
        self.query_opt(sql, params)?
            .ok_or_else(|| anyhow!("the ledger returned no row"))
    }

    /// Runs an `INSERT ... RETURNING id` and gives the id.
    fn insert(&mut self, sql: &str, params: &[Value]) -> Result<i64> {
        self.query_one(sql, params)?.int("id")
    }

    /// Runs a statement whose answer nothing waits for: a backend may send it with the
    /// next one that is waited for (in order, in this transaction), so its errors may
    /// surface there.
    fn defer(&mut self, sql: &str, params: &[Value]) -> Result<()> {
        self.execute(sql, params).map(drop)
    }

    /// Sends what was deferred and waits for its answers, so that an error in it surfaces
    /// now rather than with a later statement.
    fn settle(&mut self) -> Result<()> {
        Ok(())
    }

    /// Adds rows to `table`, each the values of `columns` in order, one row after another
    /// in `rows`: all in one go where the database takes many rows so (COPY, on a desk),
    /// else one insert each. Like `defer`, its errors may surface with a later statement.
    fn copy_in(&mut self, table: &str, columns: &[&str], rows: &[Value]) -> Result<()> {
        insert_each(self, table, columns, rows)
    }

    /// Runs statements that do not depend on one another, each read by its reader in
    /// the order given; a backend may send them all at once.
    fn each_of(&mut self, reads: &mut [Reading<'_>]) -> Result<()> {
        for read in reads {
            self.each(&read.sql, &read.params, read.each.as_mut())?;
        }
        Ok(())
    }
}

/// Adds rows to `table` by one deferred INSERT each.
pub fn insert_each<S: Seam + ?Sized>(
    db: &mut S,
    table: &str,
    columns: &[&str],
    rows: &[Value],
) -> Result<()> {
    if columns.is_empty() {
        return Ok(());
    }
    let params: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        columns.join(", "),
        params.join(", ")
    );
    for row in rows.chunks(columns.len()) {
        db.defer(&sql, row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row given as pairs, as a database would hand it over.
    struct Given(Vec<(&'static str, Cell<'static>)>);

    impl Values for Given {
        fn cell(&self, column: &str) -> Result<Cell<'_>> {
            self.0
                .iter()
                .find(|(c, _)| *c == column)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| anyhow!("the ledger's answer has no column {column}"))
        }
    }

    #[test]
    fn rows_are_read_by_column_name() {
        let given = Given(vec![
            ("id", Cell::Int(4)),
            ("name", Cell::Text("NBC News".into())),
            ("gone", Cell::Null),
            ("status", Cell::Text("disputed".into())),
        ]);
        let columns: Rc<[String]> = given.0.iter().map(|(c, _)| c.to_string()).collect();
        let row = Row::copy(columns, &given).unwrap();
        assert_eq!(
            row.word::<crate::model::Status>("status").unwrap().as_str(),
            "disputed"
        );
        assert_eq!(row.text("name").unwrap(), "NBC News");
        assert_eq!(row.count("id").unwrap(), 4);
        assert!(row.text("id").is_err());
        assert_eq!(row.opt_text("gone").unwrap(), None);
        assert_eq!(row.count("gone").unwrap(), 0);
        assert_eq!(
            row.int("kind").unwrap_err().to_string(),
            "the ledger's answer has no column kind"
        );
    }

    #[test]
    fn parameters_are_numbered_for_each_database() {
        let sql = "SELECT id FROM claims WHERE id > ?1 LIMIT ?2";
        assert_eq!(Dialect::Sqlite.sql(sql), sql);
        assert_eq!(
            Dialect::Postgres.sql(sql),
            "SELECT id FROM claims WHERE id > $1 LIMIT $2"
        );
    }

    #[test]
    fn search_words_are_quoted_so_operators_are_literal() {
        let (_, values) = Dialect::Sqlite.words_in_text("march baghdad", 1);
        assert_eq!(values, [Value::from("\"march\" \"baghdad\"")]);
        let (_, values) = Dialect::Sqlite.words_in_text("\"; DROP", 1);
        assert_eq!(values, [Value::from("\"\"\";\" \"DROP\"")]);
        let (_, values) = Dialect::Sqlite.words_in_text("  ", 1);
        assert_eq!(values, [Value::from("\"\"")]);
        assert_eq!(
            Dialect::Postgres.word_query(&[vec!["it's"], vec!["a", "b"]]),
            "'it''s' | ('a' & 'b')"
        );
    }
}
