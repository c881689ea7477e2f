//! The connection to a desk server, pipelined: statements whose answers nothing waits for
//! are held and sent with the next one that is waited for, and statements that do not
//! depend on one another go out together, so a command costs the server's distance once or
//! twice rather than once a statement. `tokio-postgres`, the engine of the `postgres` crate,
//! pipelines whatever is in flight at once; the blocking wrapper cannot, so this drives it
//! on a runtime of its own.
//!
//! A statement is sent unnamed with its parameters' types left to the server and their
//! values as text, as libpq sends them: one round trip, parsed and planned as a prepared
//! statement would be. One a later flight repeats (an import's inserts) is prepared then
//! and reused from there on.
//!
//! A command ends by hanging up politely: the server takes that as the end of a read whose
//! COMMIT was still held, and logs nothing.

use std::collections::{HashMap, HashSet};

use anyhow::{Result, anyhow};
use futures_util::future::join_all;
use futures_util::{SinkExt as _, TryStreamExt};
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;
use tokio_postgres::types::{Kind, ToSql, Type};
use tokio_postgres::{Client, Row, Statement};

use crate::store::engine::Value;

/// A statement and its values.
pub struct Sent {
    pub sql: String,
    pub values: Vec<Value>,
}

pub struct Wire {
    rt: Runtime,
    /// Taken only as the wire is dropped, to hang up.
    client: Option<Client>,
    connection: Option<JoinHandle<Result<(), tokio_postgres::Error>>>,
    /// Sent with the next flight, their answers only checked.
    held: Vec<Sent>,
    /// A held statement whose answer is kept (the check a connection starts with), and
    /// that answer once it came.
    kept: Option<Sent>,
    answer: Option<Result<Vec<Row>, tokio_postgres::Error>>,
    /// The statements sent so far, and those prepared when a later flight repeated them.
    sent: HashSet<String>,
    prepared: HashMap<String, Statement>,
}

/// The type a parameter is sent as when the server is to decide it.
fn unspecified() -> Type {
    Type::new("unspecified".into(), 0, Kind::Pseudo, "pg_catalog".into())
}

impl Wire {
    pub fn connect(
        config: &tokio_postgres::Config,
        tls: tokio_postgres_rustls::MakeRustlsConnect,
    ) -> Result<Wire, tokio_postgres::Error> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a single-threaded runtime needs no resources that can be missing");
        let (client, connection) = rt.block_on(config.connect(tls))?;
        let connection = rt.spawn(connection);
        Ok(Wire {
            rt,
            client: Some(client),
            connection: Some(connection),
            held: Vec::new(),
            kept: None,
            answer: None,
            sent: HashSet::new(),
            prepared: HashMap::new(),
        })
    }

    /// Holds `sql` to go with the next flight.
    pub fn hold(&mut self, sql: String, values: Vec<Value>) {
        self.held.push(Sent { sql, values });
    }

    /// Holds `sql`, without parameters, to go first with the next flight and its answer
    /// kept for `answer`.
    pub fn hold_kept(&mut self, sql: &str) {
        self.kept = Some(Sent {
            sql: sql.to_owned(),
            values: Vec::new(),
        });
    }

    /// The answer to the statement `hold_kept` held, sending it now if it has not gone.
    pub fn answer(&mut self) -> Option<Result<Vec<Row>, tokio_postgres::Error>> {
        if self.kept.is_some() {
            // Its own answer is the one wanted, whatever the flight says.
            let _ = self.flight(Vec::new());
        }
        self.answer.take()
    }

    /// Sends what is held and then `statements`, all at once; returns the rows and the
    /// count of rows written of each of `statements`, or the first error in the order
    /// they were sent.
    pub fn flight(&mut self, statements: Vec<Sent>) -> Result<Vec<(Vec<Row>, u64)>> {
        let kept = self.kept.take();
        let has_kept = kept.is_some();
        let mut all: Vec<Sent> = kept.into_iter().collect();
        all.append(&mut self.held);
        let skip = all.len();
        all.extend(statements);
        self.prepare_repeated(&all)?;
        let client = self.client();
        let prepared = &self.prepared;
        let answers = self.rt.block_on(join_all(all.iter().map(|s| {
            let statement = prepared.get(&s.sql).cloned();
            async move {
                let params = s.values.iter().map(|v| v as &(dyn ToSql + Sync));
                let stream = match statement {
                    Some(statement) => client.query_raw(&statement, params).await?,
                    None => {
                        client
                            .query_typed_raw(&s.sql, params.map(|p| (p, unspecified())))
                            .await?
                    }
                };
                let mut stream = std::pin::pin!(stream);
                let mut rows = Vec::new();
                while let Some(row) = stream.try_next().await? {
                    rows.push(row);
                }
                let written = stream.rows_affected().unwrap_or(0);
                Ok::<_, tokio_postgres::Error>((rows, written))
            }
        })));
        let mut answers = answers.into_iter();
        let mut first_error = None;
        if has_kept {
            // Kept whole for `answer`, which says what a failure there means.
            let answer = answers.next().map(|a| a.map(|(rows, _)| rows));
            if matches!(answer, Some(Err(_))) {
                first_error = Some(anyhow!(
                    "the desk server refused the connection's first question"
                ));
            }
            self.answer = answer;
        }
        let mut out = Vec::with_capacity(all.len() - skip);
        for (i, answer) in answers.enumerate() {
            match answer {
                Ok(answer) if i + usize::from(has_kept) >= skip => out.push(answer),
                Ok(_) => {}
                Err(e) => {
                    first_error.get_or_insert(e.into());
                }
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(out),
        }
    }

    /// Prepares, in one flight of their own, the statements of `all` that an earlier
    /// flight sent already: a command that repeats them (an import) parses each once.
    fn prepare_repeated(&mut self, all: &[Sent]) -> Result<()> {
        let mut wanted = Vec::new();
        for s in all {
            let seen = self.sent.contains(&s.sql);
            if seen && !self.prepared.contains_key(&s.sql) && !wanted.contains(&&s.sql) {
                wanted.push(&s.sql);
            }
        }
        for s in all {
            if !self.sent.contains(&s.sql) {
                self.sent.insert(s.sql.clone());
            }
        }
        if wanted.is_empty() {
            return Ok(());
        }
        let client = self.client();
        let statements = self
            .rt
            .block_on(join_all(wanted.iter().map(|sql| client.prepare(sql))));
        for (sql, statement) in wanted.into_iter().zip(statements) {
            self.prepared.insert(sql.clone(), statement?);
        }
        Ok(())
    }

    /// Runs one statement after what is held; its rows, and how many it wrote.
    pub fn query(&mut self, sql: String, values: Vec<Value>) -> Result<(Vec<Row>, u64)> {
        let mut rows = self.flight(vec![Sent { sql, values }])?;
        rows.pop()
            .ok_or_else(|| anyhow!("the server sent no answer"))
    }

    /// Runs a `COPY ... FROM STDIN` after what is held, sending `data` as its rows; how
    /// many rows it wrote.
    pub fn copy_in(&mut self, sql: &str, data: bytes::Bytes) -> Result<u64> {
        if self.kept.is_some() || !self.held.is_empty() {
            self.flight(Vec::new())?;
        }
        let client = self.client();
        let written = self.rt.block_on(async {
            let sink = client.copy_in::<_, bytes::Bytes>(sql).await?;
            let mut sink = std::pin::pin!(sink);
            sink.send(data).await?;
            sink.as_mut().finish().await
        })?;
        Ok(written)
    }

    /// Runs statements without parameters, as one message (the schema's migrations).
    pub fn batch_execute(&mut self, sql: &str) -> Result<(), tokio_postgres::Error> {
        self.rt.block_on(self.client().batch_execute(sql))
    }

    fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("the client goes only as the wire is dropped")
    }

    /// Forgets what is held: the transaction it belonged to is over.
    pub fn drop_held(&mut self) {
        self.held.clear();
    }
}

/// Dropping the client has the connection send its goodbye (Terminate); running it to its
/// end puts that on the wire before the runtime goes. What is still held (a read's COMMIT)
/// is not sent: the goodbye ends that transaction as well.
impl Drop for Wire {
    fn drop(&mut self) {
        drop(self.client.take());
        if let Some(connection) = self.connection.take() {
            let _ = self.rt.block_on(connection);
        }
    }
}
