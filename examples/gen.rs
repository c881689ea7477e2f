//! Writes a deterministic, realistic ledger into a new database, for benchmarks and demos:
//!
//! ```text
//! cargo run --release --example gen -- --claims 100000 --seed 7 --db /tmp/ledger.db
//! ```
//!
//! Two years of a desk's work up to a fixed "now" (2026-11-01T00:00:00Z): about 5,000
//! claimants and 300 outlets whose popularity is skewed (a few carry most claims), 40 stories
//! in 23 countries that flare up and fade, relay chains of 1 to 4 outlets with monitors and
//! wires nearest the claimant, and status histories that settle with age: most open claims
//! are young, most old ones are verified, false or retracted.
//!
//! The same seed writes the same ledger, byte for byte in its export, on any platform and
//! with any version of the dependencies: the generator has its own PRNG (xoshiro256**) and
//! draws everything with integer arithmetic, never floating point. The claimants, outlets and
//! stories depend on the seed alone, so ledgers of different sizes share them.
//!
//! Everything goes through the library's importer, a claim at a time, in one transaction.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, anyhow, bail};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use clap::Parser;

use claimtrail::exchange::record::{
    AttributionRecord, ClaimRecord, ClaimantRecord, EventRecord, OutletRecord,
};
use claimtrail::model::{ClaimantKind, OutletKind, Status};
use claimtrail::store::Import;
use claimtrail::time::{Timestamp, parse_when};

/// Generate a deterministic, realistic claimtrail ledger into a new database.
#[derive(Debug, Parser)]
#[command(name = "gen")]
struct Args {
    /// How many claims to write
    #[arg(long, default_value_t = 10_000)]
    claims: u64,
    /// The same seed always writes the same ledger
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to create the ledger; refused if anything is there already
    #[arg(long, value_name = "PATH")]
    db: PathBuf,
    /// How many claimants to create
    #[arg(long, default_value_t = 5_000, value_parser = clap::value_parser!(u64).range(1..))]
    claimants: u64,
    /// How many outlets the ledger should hold, counting the 29 every ledger starts with
    #[arg(long, default_value_t = 300)]
    outlets: u64,
}

const NOW: &str = "2026-11-01T00:00:00Z";
/// The ledger covers this many days before `NOW`.
const DAYS: i64 = 730;
const MINUTE: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

fn main() -> ExitCode {
    let args = Args::parse();
    if std::fs::symlink_metadata(&args.db).is_ok() {
        eprintln!(
            "gen: {} already exists; give the path of a new ledger (nothing was written)",
            args.db.display()
        );
        return ExitCode::from(1);
    }
    let started = Instant::now();
    match run(&args) {
        Ok(summary) => {
            let secs = started.elapsed().as_secs_f64();
            eprintln!("gen: {summary} in {secs:.1}s");
            ExitCode::SUCCESS
        }
        Err(e) => {
            remove_ledger(&args.db);
            eprintln!("gen: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Removes the half-written ledger this run created, so that a second try is not refused.
fn remove_ledger(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(file));
    }
}

fn run(args: &Args) -> Result<String> {
    let mut store = claimtrail::store::open(&args.db.to_string_lossy())?;
    let known = store.outlet_records()?;
    let world = World::build(args, &known)?;
    let calendar = Calendar::new(&world, args.claims);
    let mut rng = Rng::stream(args.seed, 2);
    let counts = store.import(
        true,
        Box::new(|importer: &mut dyn Import| {
            for claimant in &world.claimants {
                importer.claimant(claimant)?;
            }
            for outlet in &world.outlets[world.known_outlets..] {
                importer.outlet(&outlet.record)?;
            }
            let mut times = Vec::new();
            for day in 0..DAYS {
                calendar.times_on(day, &mut rng, &mut times);
                let weights = world.story_weights(day);
                for &at in &times {
                    let mut claim = world.claim(&mut rng, &weights, at);
                    claim
                        .validate()
                        .map_err(|e| anyhow!("generated claim {}: {e}", claim.uid))?;
                    importer.claim(claim, String::new())?;
                }
            }
            Ok(())
        }),
    )?;
    if counts.claims_added != args.claims {
        bail!(
            "wrote {} claims, not {}: two generated uids collided",
            counts.claims_added,
            args.claims
        );
    }
    Ok(format!(
        "{} claims ({} attributions, {} status events), {} claimants, {} outlets, seed {}, into {}",
        counts.claims_added,
        counts.attributions_added,
        counts.events_added,
        counts.claimants_added,
        known.len() as u64 + counts.outlets_added,
        args.seed,
        args.db.display(),
    ))
}

// ---------------------------------------------------------------------------------------------
// Randomness: xoshiro256** seeded through SplitMix64, integers only.

struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// An independent stream for each part of the ledger, so that asking for more claims
    /// never changes the claimants, outlets or stories.
    fn stream(seed: u64, stream: u64) -> Rng {
        let mut x = seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng {
            s: [next(), next(), next(), next()],
        }
    }

    fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (multiply-shift; the bias is far below anything measurable here).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True `per_mille` times in a thousand.
    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.index(items.len())]
    }

    /// An index drawn in proportion to `weights`.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let mut x = self.below(weights.iter().sum());
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// One of `items`, each as likely as its weight.
    fn choose<T: Copy>(&mut self, items: &[(u64, T)]) -> T {
        let mut x = self.below(items.iter().map(|(w, _)| w).sum());
        for &(w, item) in items {
            if x < w {
                return item;
            }
            x -= w;
        }
        items[items.len() - 1].1
    }

    fn hex(&mut self, digits: usize) -> String {
        format!("{:016x}", self.next_u64())[..digits].to_owned()
    }

    /// A random (version 4) UUID, hyphenated.
    fn uuid(&mut self) -> String {
        let hi = (self.next_u64() & !0xF000) | 0x4000;
        let lo = (self.next_u64() & !(0b11 << 62)) | (0b10 << 62);
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xFFFF,
            hi & 0xFFFF,
            lo >> 48,
            lo & 0xFFFF_FFFF_FFFF
        )
    }
}

/// Ranks drawn with weight 1 / (rank + offset): Zipf's law (Zipf–Mandelbrot for an offset
/// above 1), in integers so that every platform draws the same ranks.
struct Zipf {
    cumulative: Vec<u64>,
}

impl Zipf {
    fn new(n: usize, offset: u64) -> Zipf {
        let mut total = 0;
        let cumulative = (0..n as u64)
            .map(|rank| {
                total += (1 << 40) / (rank + offset);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let x = rng.below(*self.cumulative.last().expect("a non-empty ranking"));
        self.cumulative.partition_point(|&c| c <= x)
    }
}

/// A `|`-separated word list.
fn words(list: &'static str) -> Vec<&'static str> {
    list.split('|').filter(|w| !w.is_empty()).collect()
}

// ---------------------------------------------------------------------------------------------
// The countries and stories the desk covers.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Culture {
    Arabic,
    Hebrew,
    Sahel,
    Slavic,
    Horn,
    GreatLakes,
    Latin,
    Burmese,
    European,
    Western,
}

struct Country {
    name: &'static str,
    demonym: &'static str,
    places: &'static str,
    /// Armed groups and forces, logged as organizations.
    groups: &'static str,
    /// Who fights there, as noun phrases for claim texts.
    fighters: &'static str,
    culture: Culture,
    /// Has ministries and a government; otherwise its authorities speak.
    state: bool,
    francophone: bool,
}

const fn country(
    name: &'static str,
    demonym: &'static str,
    culture: Culture,
    places: &'static str,
    groups: &'static str,
    fighters: &'static str,
) -> Country {
    Country {
        name,
        demonym,
        places,
        groups,
        fighters,
        culture,
        state: true,
        francophone: false,
    }
}

const fn francophone(c: Country) -> Country {
    Country {
        francophone: true,
        ..c
    }
}

const COUNTRIES: &[Country] = &[
    country(
        "Iraq",
        "Iraqi",
        Culture::Arabic,
        "Mosul|Tikrit|Kirkuk|Erbil|Baghdad|Fallujah|Ramadi|Samarra|Tal Afar|Baiji|Sinjar|Basra",
        "Islamic State|Popular Mobilization Forces|Kurdish peshmerga",
        "Islamic State|the Popular Mobilization Forces|peshmerga forces|Iraqi troops",
    ),
    country(
        "Syria",
        "Syrian",
        Culture::Arabic,
        "Aleppo|Idlib|Deir ez-Zor|Raqqa|Homs|Hama|Damascus|Daraa|Qamishli|Manbij|Latakia|Suwayda",
        "Syrian Democratic Forces|Hayat Tahrir al-Sham|Syrian National Army",
        "the Syrian Democratic Forces|Hayat Tahrir al-Sham|the Syrian National Army",
    ),
    francophone(country(
        "Mali",
        "Malian",
        Culture::Sahel,
        "Bamako|Gao|Timbuktu|Kidal|Mopti|Ménaka|Ségou|Sévaré",
        "JNIM|Africa Corps",
        "JNIM|Africa Corps mercenaries|Malian troops",
    )),
    francophone(country(
        "Niger",
        "Nigerien",
        Culture::Sahel,
        "Niamey|Agadez|Tillabéri|Diffa|Zinder|Tahoua",
        "Islamic State Sahel Province",
        "Islamic State Sahel Province|Nigerien troops",
    )),
    francophone(country(
        "Burkina Faso",
        "Burkinabe",
        Culture::Sahel,
        "Ouagadougou|Djibo|Kaya|Fada N'Gourma|Dori|Bobo-Dioulasso",
        "Volunteers for the Defence of the Homeland",
        "JNIM|army auxiliaries|Burkinabe troops",
    )),
    country(
        "Ukraine",
        "Ukrainian",
        Culture::Slavic,
        "Kharkiv|Kupiansk|Pokrovsk|Zaporizhzhia|Kherson|Odesa|Sumy|Dnipro|Kramatorsk|Kyiv|Chernihiv",
        "Ukrainian General Staff|Ukrainian Air Force",
        "Ukrainian forces|Ukrainian drone units",
    ),
    country(
        "Russia",
        "Russian",
        Culture::Slavic,
        "Belgorod|Kursk|Bryansk|Moscow|Rostov-on-Don|Sevastopol",
        "",
        "Russian forces|Russian airborne troops",
    ),
    country(
        "Sudan",
        "Sudanese",
        Culture::Arabic,
        "Khartoum|Omdurman|El Fasher|Nyala|Port Sudan|El Obeid|Wad Madani|Kassala|Geneina|Kadugli",
        "Rapid Support Forces|Sudanese Armed Forces",
        "the Rapid Support Forces|the Sudanese army",
    ),
    Country {
        state: false,
        ..country(
            "Gaza",
            "Palestinian",
            Culture::Arabic,
            "Gaza City|Khan Younis|Rafah|Deir al-Balah|Jabalia|Beit Lahia|Nuseirat|Beit Hanoun",
            "Hamas|Islamic Jihad",
            "Hamas|Islamic Jihad fighters",
        )
    },
    country(
        "Israel",
        "Israeli",
        Culture::Hebrew,
        "Sderot|Ashkelon|Tel Aviv|Jerusalem|Kiryat Shmona|Metula|Haifa|Beersheba",
        "Israel Defense Forces",
        "the Israeli military|Israeli troops",
    ),
    country(
        "Lebanon",
        "Lebanese",
        Culture::Arabic,
        "Beirut|Tyre|Nabatieh|Sidon|Baalbek|Marjayoun|Bint Jbeil",
        "Hezbollah",
        "Hezbollah|the Lebanese army",
    ),
    country(
        "Somalia",
        "Somali",
        Culture::Horn,
        "Mogadishu|Kismayo|Baidoa|Beledweyne|Garowe|Galkayo|Bosaso",
        "al-Shabaab",
        "al-Shabaab|Somali troops|African Union troops",
    ),
    country(
        "Ethiopia",
        "Ethiopian",
        Culture::Horn,
        "Addis Ababa|Gondar|Bahir Dar|Mekelle|Lalibela|Dire Dawa|Dessie",
        "Fano militia|Ethiopian National Defence Force",
        "Fano militiamen|federal troops",
    ),
    francophone(country(
        "DR Congo",
        "Congolese",
        Culture::GreatLakes,
        "Goma|Bukavu|Beni|Butembo|Bunia|Uvira|Rutshuru|Kinshasa|Masisi|Sake",
        "M23|Wazalendo militias|MONUSCO",
        "M23 rebels|Wazalendo militias|Congolese troops",
    )),
    francophone(country(
        "Rwanda",
        "Rwandan",
        Culture::GreatLakes,
        "Kigali|Gisenyi|Rusizi|Musanze",
        "Rwanda Defence Force",
        "Rwandan troops",
    )),
    country(
        "Yemen",
        "Yemeni",
        Culture::Arabic,
        "Sanaa|Aden|Hodeidah|Marib|Taiz|Mokha|Saada|Mukalla",
        "Houthis|Saudi-led coalition",
        "the Houthis|the Saudi-led coalition|government forces",
    ),
    francophone(country(
        "Haiti",
        "Haitian",
        Culture::Latin,
        "Port-au-Prince|Cap-Haïtien|Croix-des-Bouquets|Mirebalais|Gonaïves|Pétion-Ville",
        "Viv Ansanm|Haitian National Police",
        "the Viv Ansanm gang coalition|gang members|Kenyan-led police",
    )),
    country(
        "Venezuela",
        "Venezuelan",
        Culture::Latin,
        "Caracas|Maracaibo|Valencia|Barquisimeto|Ciudad Guayana|San Cristóbal",
        "National Electoral Council|Bolivarian National Guard",
        "the National Guard|colectivos",
    ),
    country(
        "Ecuador",
        "Ecuadorian",
        Culture::Latin,
        "Guayaquil|Quito|Esmeraldas|Manta|Machala|Cuenca",
        "Los Choneros|Los Lobos",
        "Los Choneros|Los Lobos|soldiers",
    ),
    country(
        "Myanmar",
        "Myanmar",
        Culture::Burmese,
        "Mandalay|Yangon|Lashio|Sittwe|Myawaddy|Naypyitaw|Muse|Bhamo|Sagaing",
        "Arakan Army|Myanmar military|National Unity Government",
        "the Arakan Army|the Myanmar military|People's Defence Force units",
    ),
    country(
        "Moldova",
        "Moldovan",
        Culture::European,
        "Chișinău|Bălți|Tiraspol|Comrat|Cahul|Orhei",
        "",
        "riot police",
    ),
    country(
        "Georgia",
        "Georgian",
        Culture::European,
        "Tbilisi|Batumi|Kutaisi|Zugdidi|Rustavi|Gori",
        "",
        "riot police",
    ),
    country(
        "Romania",
        "Romanian",
        Culture::European,
        "Bucharest|Cluj-Napoca|Iași|Constanța|Galați|Timișoara|Brăila",
        "",
        "riot police",
    ),
];

/// A country as the generator uses it, its lists split.
struct Land {
    name: &'static str,
    demonym: &'static str,
    places: Vec<&'static str>,
    groups: Vec<&'static str>,
    fighters: Vec<&'static str>,
    culture: Culture,
    state: bool,
    francophone: bool,
}

impl From<&Country> for Land {
    fn from(c: &Country) -> Land {
        Land {
            name: c.name,
            demonym: c.demonym,
            places: words(c.places),
            groups: words(c.groups),
            fighters: words(c.fighters),
            culture: c.culture,
            state: c.state,
            francophone: c.francophone,
        }
    }
}

impl Land {
    fn government(&self) -> String {
        if self.state {
            format!("Government of {}", self.name)
        } else {
            format!("{} authorities", self.name)
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Theme {
    Conflict,
    Politics,
    Humanitarian,
    Disaster,
    Economy,
}

/// Slug, the countries it happens in (the first most), and what kind of story it is.
const STORIES: &[(&str, &str, Theme)] = &[
    ("iraq-2014", "Iraq", Theme::Conflict),
    ("iraq-elections-2025", "Iraq", Theme::Politics),
    ("kirkuk-oil", "Iraq", Theme::Economy),
    ("syria-transition", "Syria", Theme::Politics),
    ("aleppo-offensive", "Syria", Theme::Conflict),
    ("deir-ez-zor-clashes", "Syria", Theme::Conflict),
    ("syria-returns", "Syria|Lebanon", Theme::Humanitarian),
    (
        "sahel-elections",
        "Mali|Burkina Faso|Niger",
        Theme::Politics,
    ),
    ("mali-junta", "Mali", Theme::Conflict),
    ("niger-uranium", "Niger", Theme::Economy),
    ("burkina-sieges", "Burkina Faso", Theme::Humanitarian),
    ("ukraine-front", "Ukraine|Russia", Theme::Conflict),
    ("kharkiv-offensive", "Ukraine|Russia", Theme::Conflict),
    ("zaporizhzhia-plant", "Ukraine|Russia", Theme::Conflict),
    ("black-sea-grain", "Ukraine|Russia", Theme::Economy),
    ("ukraine-talks", "Ukraine|Russia", Theme::Politics),
    ("sudan-war", "Sudan", Theme::Conflict),
    ("el-fasher-siege", "Sudan", Theme::Humanitarian),
    ("sudan-famine", "Sudan", Theme::Humanitarian),
    ("gaza-ceasefire", "Gaza|Israel", Theme::Politics),
    ("gaza-aid", "Gaza|Israel", Theme::Humanitarian),
    ("lebanon-border", "Lebanon|Israel", Theme::Conflict),
    ("hostage-talks", "Israel|Gaza", Theme::Politics),
    ("somalia-shabaab", "Somalia", Theme::Conflict),
    ("ethiopia-amhara", "Ethiopia", Theme::Conflict),
    ("horn-drought", "Somalia|Ethiopia", Theme::Disaster),
    ("goma-2025", "DR Congo|Rwanda", Theme::Conflict),
    ("drc-m23-talks", "DR Congo|Rwanda", Theme::Politics),
    ("drc-mpox", "DR Congo", Theme::Humanitarian),
    ("red-sea-shipping", "Yemen", Theme::Economy),
    ("yemen-strikes", "Yemen", Theme::Conflict),
    ("haiti-gangs", "Haiti", Theme::Conflict),
    ("venezuela-election", "Venezuela", Theme::Politics),
    ("ecuador-prisons", "Ecuador", Theme::Conflict),
    ("myanmar-quake", "Myanmar", Theme::Disaster),
    ("myanmar-resistance", "Myanmar", Theme::Conflict),
    ("moldova-vote", "Moldova", Theme::Politics),
    ("georgia-protests", "Georgia", Theme::Politics),
    ("romania-election", "Romania", Theme::Politics),
    ("danube-floods", "Romania|Moldova", Theme::Disaster),
];

/// A story's run: it flares up on its first day and fades to a steady trickle.
struct Story {
    slug: &'static str,
    lands: Vec<usize>,
    theme: Theme,
    first_day: i64,
    /// One past its last day.
    end_day: i64,
    weight: u64,
}

impl Story {
    /// How busy the story is on `day`, relative to the others.
    fn intensity(&self, day: i64) -> u64 {
        if day < self.first_day || day >= self.end_day {
            return 0;
        }
        const SETTLE: u64 = 10;
        let age = (day - self.first_day) as u64;
        self.weight * (5 * SETTLE + age) / (SETTLE + age)
    }
}

/// When each story ran: some short bursts, some running for a year or more; a few stories
/// carry much of the desk's work.
fn plan_stories(rng: &mut Rng, lands: &[Land]) -> Vec<Story> {
    // Popularity ranks at random, though the wars and crises this desk follows tend to lead.
    let keys: Vec<u64> = STORIES
        .iter()
        .map(|&(_, _, theme)| {
            let lead = match theme {
                Theme::Conflict => 0,
                Theme::Humanitarian => 15,
                Theme::Economy | Theme::Politics => 30,
                Theme::Disaster => 40,
            };
            rng.below(100) + lead
        })
        .collect();
    let mut order: Vec<usize> = (0..STORIES.len()).collect();
    order.sort_by_key(|&s| (keys[s], s));
    let mut ranks = vec![0; STORIES.len()];
    for (rank, &s) in order.iter().enumerate() {
        ranks[s] = rank as u64;
    }
    STORIES
        .iter()
        .zip(ranks)
        .map(|(&(slug, where_, theme), rank)| {
            let first_day = rng.below(DAYS as u64 - 7) as i64;
            let length = match rng.below(10) {
                0..3 => rng.between(14, 60),
                3..7 => rng.between(60, 240),
                _ => rng.between(240, DAYS),
            };
            Story {
                slug,
                lands: words(where_)
                    .into_iter()
                    .map(|name| {
                        lands
                            .iter()
                            .position(|l| l.name == name)
                            .expect("a story's countries are listed")
                    })
                    .collect(),
                theme,
                first_day,
                end_day: (first_day + length).min(DAYS),
                weight: (1 << 24) / (rank + 2),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The world: who is quoted and who relays, most often first.

struct Outlet {
    record: OutletRecord,
}

struct World {
    now: Timestamp,
    now_unix: i64,
    lands: Vec<Land>,
    stories: Vec<Story>,
    /// A day's weight for claims outside any story.
    loose_weight: u64,
    claimants: Vec<ClaimantRecord>,
    /// International claimants, then each country's, most quoted first.
    global_claimants: Ranking,
    local_claimants: Vec<Ranking>,
    outlets: Vec<Outlet>,
    /// The outlets every new ledger has; they come first in `outlets`.
    known_outlets: usize,
    /// Wires, broadcasters and international outlets, then each country's own.
    global_outlets: Ranking,
    local_outlets: Vec<Ranking>,
}

/// Items drawn by a Zipf law over their order.
struct Ranking {
    items: Vec<usize>,
    zipf: Zipf,
}

impl Ranking {
    fn new(items: Vec<usize>, offset: u64) -> Ranking {
        Ranking {
            zipf: Zipf::new(items.len(), offset),
            items,
        }
    }

    fn sample(&self, rng: &mut Rng) -> Option<usize> {
        if self.items.is_empty() {
            return None;
        }
        Some(self.items[self.zipf.sample(rng)])
    }
}

/// Names already taken, as claimtrail compares them: lowercased, white space folded.
#[derive(Default)]
struct Names(HashSet<String>);

impl Names {
    fn key(name: &str) -> String {
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    fn taken(&self, name: &str) -> bool {
        self.0.contains(&Names::key(name))
    }

    /// Takes the name if it is free.
    fn claim(&mut self, name: &str) -> bool {
        self.0.insert(Names::key(name))
    }
}

impl World {
    fn build(args: &Args, known: &[OutletRecord]) -> Result<World> {
        let mut rng = Rng::stream(args.seed, 1);
        let lands: Vec<Land> = COUNTRIES.iter().map(Land::from).collect();
        let stories = plan_stories(&mut rng, &lands);
        // How much each country is in the news: its share of claimants and outlets.
        let coverage: Vec<usize> = (0..lands.len())
            .map(|l| 1 + stories.iter().filter(|s| s.lands.contains(&l)).count())
            .collect();
        let outlets = make_outlets(&mut rng, known, &lands, &coverage, args.outlets as usize)?;
        let claimants = make_claimants(
            &mut rng,
            &lands,
            &coverage,
            &outlets.all,
            args.claimants as usize,
        );
        let busiest: u64 = (0..DAYS)
            .map(|day| stories.iter().map(|s| s.intensity(day)).sum::<u64>())
            .sum::<u64>()
            / DAYS as u64;
        let now = parse_when(NOW).map_err(|e| anyhow!(e))?;
        Ok(World {
            now,
            now_unix: now_unix(),
            lands,
            stories,
            // About one claim in ten belongs to no story.
            loose_weight: busiest / 9,
            claimants: claimants.all,
            global_claimants: Ranking::new(claimants.global, 1),
            local_claimants: claimants
                .local
                .into_iter()
                .map(|c| Ranking::new(c, 2))
                .collect(),
            known_outlets: known.len(),
            outlets: outlets.all,
            global_outlets: Ranking::new(outlets.global, 1),
            local_outlets: outlets
                .local
                .into_iter()
                .map(|o| Ranking::new(o, 2))
                .collect(),
        })
    }

    /// Each story's weight on `day`, then the weight of claims outside any story.
    fn story_weights(&self, day: i64) -> Vec<u64> {
        let mut weights: Vec<u64> = self.stories.iter().map(|s| s.intensity(day)).collect();
        weights.push(self.loose_weight);
        weights
    }

    fn time(&self, unix: i64) -> Timestamp {
        self.now.minus(Duration::seconds(self.now_unix - unix))
    }

    fn claimant(&self, rng: &mut Rng, land: usize) -> usize {
        let local = &self.local_claimants[land];
        if rng.chance(400) {
            self.global_claimants.sample(rng)
        } else {
            local.sample(rng)
        }
        .or_else(|| self.global_claimants.sample(rng))
        .expect("some claimants")
    }

    fn outlet(&self, rng: &mut Rng, land: usize) -> usize {
        if rng.chance(550) {
            self.global_outlets.sample(rng)
        } else {
            self.local_outlets[land].sample(rng)
        }
        .or_else(|| self.global_outlets.sample(rng))
        .expect("some outlets")
    }

    /// One to four distinct outlets, nearest the claimant first: monitors and wires tend to
    /// pick a claim up first, broadcasters and newspapers to pass it on last.
    fn chain(&self, rng: &mut Rng, land: usize) -> Vec<usize> {
        let length = rng.choose(&[(40, 1), (35, 2), (18, 3), (7, 4)]);
        let mut chain: Vec<usize> = Vec::with_capacity(length);
        for _ in 0..length * 8 {
            if chain.len() == length {
                break;
            }
            let outlet = self.outlet(rng, land);
            if !chain.contains(&outlet) {
                chain.push(outlet);
            }
        }
        if !rng.chance(120) {
            chain.sort_by_key(|&o| relay_order(self.outlets[o].record.kind));
        }
        chain
    }

    /// A claimant and a relay chain. An independent origin differs from every origin so far
    /// in both the claimant and the outlet nearest it; a dependent one repeats the first
    /// claimant through another chain.
    fn origin(
        &self,
        rng: &mut Rng,
        lands: &[usize],
        origins: &[(usize, usize)],
        independent: bool,
    ) -> (usize, Vec<usize>) {
        let land = if rng.chance(750) {
            lands[0]
        } else {
            rng.pick(lands)
        };
        if !independent && let Some(&(claimant, _)) = origins.first() {
            return (claimant, self.chain(rng, land));
        }
        let mut claimant = self.claimant(rng, land);
        for _ in 0..20 {
            if !origins.iter().any(|&(c, _)| c == claimant) {
                break;
            }
            claimant = self.claimant(rng, land);
        }
        let mut chain = self.chain(rng, land);
        for _ in 0..20 {
            if !origins.iter().any(|&(_, first)| first == chain[0]) {
                break;
            }
            chain = self.chain(rng, land);
        }
        (claimant, chain)
    }

    /// A claim logged at `at` (seconds since the Unix epoch), in a story drawn by `weights`.
    fn claim(&self, rng: &mut Rng, weights: &[u64], at: i64) -> ClaimRecord {
        let now = self.now_unix;
        let story = self.stories.get(rng.weighted(weights));
        let slug = story.map(|s| s.slug);
        // The claim is about the first of these countries.
        let mut lands = match story {
            Some(s) => s.lands.clone(),
            None => vec![rng.index(self.lands.len())],
        };
        if lands.len() > 1 && rng.chance(300) {
            let other = 1 + rng.index(lands.len() - 1);
            lands.swap(0, other);
        }
        let theme = match story {
            Some(s) => s.theme,
            None => self.theme_of(rng, lands[0]),
        };
        let logged_by = reporter(rng);
        let uid = rng.uuid();
        let text = claim_text(rng, &self.lands[lands[0]], theme);
        let made_at = (!rng.chance(40)).then(|| at - lead_time(rng));

        // Where verification will go, and when; what comes after NOW has not happened yet.
        let (steps, slow) = fate(rng);
        let settles_after = if slow {
            slow_settle_delay(rng)
        } else {
            settle_delay(rng)
        };
        let (lo, hi) = if slow { (40, 400) } else { (100, 900) };
        let mut fractions: Vec<i64> = (1..steps.len()).map(|_| rng.between(lo, hi)).collect();
        fractions.sort_unstable();
        fractions.push(1000);
        let mut times = Vec::with_capacity(steps.len());
        let mut previous = at;
        for fraction in fractions {
            let t = (at + settles_after * fraction / 1000).max(previous + 10 * MINUTE);
            times.push(t);
            previous = t;
        }
        let corroborated_at = steps
            .iter()
            .position(|&s| s == Status::Corroborated)
            .map(|i| times[i]);

        // Who said it: claims that get corroborated mostly have several independent origins,
        // all logged before the corroboration.
        let count = match corroborated_at {
            Some(_) => rng.choose(&[(10, 1), (60, 2), (30, 3)]),
            None => rng.choose(&[(70, 1), (23, 2), (7, 3)]),
        };
        let mut drafts = Vec::with_capacity(count);
        let mut origins: Vec<(usize, usize)> = Vec::with_capacity(count);
        for i in 0..count {
            let logged = match (i, corroborated_at) {
                (0, _) => at,
                (_, Some(c)) => at + ((c - at) * rng.between(150, 950) / 1000).max(MINUTE),
                (_, None) => at + rng.between(10 * MINUTE, 3 * DAY),
            };
            if logged > now {
                continue;
            }
            let independent = corroborated_at.is_some() || rng.chance(800);
            let (claimant, chain) = self.origin(rng, &lands, &origins, independent);
            origins.push((claimant, chain[0]));
            let said = match i {
                0 => made_at,
                _ => (!rng.chance(60)).then(|| logged - rng.between(5 * MINUTE, 8 * HOUR)),
            };
            let by = if i == 0 || rng.chance(600) {
                logged_by.clone()
            } else {
                reporter(rng)
            };
            drafts.push((logged, claimant, chain, said, by));
        }
        drafts.sort_by_key(|d| d.0);
        let attributions = drafts
            .into_iter()
            .map(|(logged, claimant, chain, said, by)| {
                let last = &self.outlets[*chain.last().expect("a chain")].record.name;
                let url = rng.chance(450).then(|| {
                    format!(
                        "https://{}.example/{}/{}",
                        slugify(last),
                        slug.unwrap_or("news"),
                        rng.hex(10)
                    )
                });
                AttributionRecord {
                    claimant: self.claimants[claimant].name.clone(),
                    recorded_as: None,
                    via: chain
                        .iter()
                        .map(|&o| self.outlets[o].record.name.clone())
                        .collect(),
                    via_recorded_as: Vec::new(),
                    medium: medium(rng),
                    made_at: said.map(|t| self.time(t)),
                    url,
                    logged_at: self.time(logged),
                    logged_by: by,
                    credibility: Vec::new(),
                }
            })
            .collect();

        let mut history = vec![EventRecord {
            status: Status::Unverified,
            at: self.time(at),
            by: logged_by.clone(),
            note: None,
            evidence: Vec::new(),
        }];
        let land = &self.lands[lands[0]];
        for (&status, &t) in steps.iter().zip(&times) {
            if t > now {
                break;
            }
            let by = if rng.chance(500) {
                logged_by.clone()
            } else {
                reporter(rng)
            };
            history.push(EventRecord {
                status,
                at: self.time(t),
                by,
                note: (!rng.chance(120)).then(|| event_note(rng, status, land)),
                evidence: evidence(rng, status, slug),
            });
        }
        ClaimRecord {
            uid,
            text,
            story: slug.map(str::to_owned),
            made_at: made_at.map(|t| self.time(t)),
            logged_at: self.time(at),
            logged_by,
            status: history.last().expect("a first event").status,
            attributions,
            history,
            edits: Vec::new(),
        }
    }

    /// For a claim outside any story: the kind of story its country tends to make.
    fn theme_of(&self, rng: &mut Rng, land: usize) -> Theme {
        let themes: Vec<Theme> = self
            .stories
            .iter()
            .filter(|s| s.lands.contains(&land))
            .map(|s| s.theme)
            .collect();
        if themes.is_empty() {
            Theme::Conflict
        } else {
            rng.pick(&themes)
        }
    }
}

fn now_unix() -> i64 {
    NaiveDate::from_ymd_opt(2026, 11, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a valid NOW")
        .and_utc()
        .timestamp()
}

// ---------------------------------------------------------------------------------------------
// Time: how many claims each day, and how verification goes.

/// How many claims each day gets: more when stories break, fewer at weekends, and the desk
/// logs more as the months go on (the oldest days have a third of the newest days' rate).
struct Calendar {
    /// The index of each day's first claim, by cumulative rounding, so the counts add up.
    starts: Vec<u64>,
}

/// Claims logged per hour of the day (UTC).
const HOURLY: [u64; 24] = [
    2, 1, 1, 1, 2, 3, 5, 7, 8, 9, 9, 9, 9, 9, 9, 8, 8, 7, 6, 5, 4, 3, 3, 2,
];

impl Calendar {
    fn new(world: &World, claims: u64) -> Calendar {
        let today = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a valid NOW");
        let weights: Vec<u128> = (0..DAYS)
            .map(|day| {
                let date = today - Duration::days(DAYS - day);
                let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
                let stories: u64 = world.story_weights(day).iter().sum();
                let growth = (DAYS / 2 + day) as u128;
                u128::from(stories) * growth * if weekend { 6 } else { 10 }
            })
            .collect();
        let total: u128 = weights.iter().sum();
        let mut cumulative = 0;
        let mut starts = vec![0];
        for w in weights {
            cumulative += w;
            starts.push((u128::from(claims) * cumulative / total) as u64);
        }
        Calendar { starts }
    }

    /// The times `day`'s claims were logged, in order, as seconds since the epoch.
    fn times_on(&self, day: i64, rng: &mut Rng, times: &mut Vec<i64>) {
        let count = self.starts[day as usize + 1] - self.starts[day as usize];
        let midnight = now_unix() - (DAYS - day) * DAY;
        times.clear();
        for _ in 0..count {
            let hour = rng.weighted(&HOURLY) as i64;
            times.push(midnight + hour * HOUR + rng.between(0, HOUR - 1));
        }
        times.sort_unstable();
    }
}

/// Where verification goes after the first, unverified event: the statuses in order, and
/// whether it takes weeks or months rather than days. All but a few claims in a thousand are
/// settled in the end, so most open claims are young.
fn fate(rng: &mut Rng) -> (Vec<Status>, bool) {
    use Status::{Corroborated as C, Disputed as D, False as F, Retracted as R, Verified as V};
    let r = rng.below(100);
    let (steps, slow) = match rng.below(1000) {
        0..530 => match r {
            0..40 => (vec![C, V], false),
            40..46 => (vec![C, D, V], false),
            46..54 => (vec![D, V], false),
            _ => (vec![V], false),
        },
        530..750 => match r {
            0..45 => (vec![D, F], false),
            45..50 => (vec![C, D, F], false),
            _ => (vec![F], false),
        },
        750..815 => match r {
            0..25 => (vec![C, R], false),
            _ => (vec![R], false),
        },
        // Contested for weeks or months.
        815..870 => match r {
            0..55 => (vec![D, F], true),
            _ => (vec![D, V], true),
        },
        870..915 => match r {
            0..80 => (vec![C, V], true),
            _ => (vec![C, R], true),
        },
        915..991 => match r {
            0..60 => (vec![V], true),
            _ => (vec![F], true),
        },
        // Never settled.
        991..993 => (vec![], false),
        993..999 => (vec![D], false),
        _ => (vec![C], false),
    };
    (steps, slow)
}

/// How long after logging a claim is settled: hours for most, weeks for a few.
fn settle_delay(rng: &mut Rng) -> i64 {
    let (lo, hi) = rng.choose(&[
        (15, (HOUR, 6 * HOUR)),
        (25, (6 * HOUR, DAY)),
        (25, (DAY, 3 * DAY)),
        (18, (3 * DAY, 10 * DAY)),
        (10, (10 * DAY, 30 * DAY)),
        (4, (30 * DAY, 60 * DAY)),
    ]);
    rng.between(lo, hi)
}

fn slow_settle_delay(rng: &mut Rng) -> i64 {
    let (lo, hi) = rng.choose(&[(60, (7 * DAY, 30 * DAY)), (40, (30 * DAY, 90 * DAY))]);
    rng.between(lo, hi)
}

/// How long before it was logged a claim was made.
fn lead_time(rng: &mut Rng) -> i64 {
    let (lo, hi) = rng.choose(&[
        (60, (10 * MINUTE, 4 * HOUR)),
        (30, (4 * HOUR, 12 * HOUR)),
        (10, (12 * HOUR, 2 * DAY)),
    ]);
    rng.between(lo, hi)
}

const REPORTERS: &[(u64, &str)] = &[
    (20, "ahaddad"),
    (17, "jmercer"),
    (14, "lnkosi"),
    (12, "pdubois"),
    (10, "skim"),
    (9, "mrossi"),
    (8, "tokafor"),
    (6, "vpetrenko"),
    (4, "rgarcia"),
];

fn reporter(rng: &mut Rng) -> String {
    rng.choose(REPORTERS).to_owned()
}

fn medium(rng: &mut Rng) -> Option<String> {
    let medium = rng.choose(&[
        (20, Some("statement")),
        (12, Some("interview")),
        (8, Some("press conference")),
        (12, Some("social media post")),
        (8, Some("video")),
        (8, Some("briefing")),
        (6, Some("television interview")),
        (4, Some("telephone interview")),
        (3, Some("audio recording")),
        (3, Some("communiqué")),
        (2, Some("leaked document")),
        (14, None),
    ]);
    medium.map(str::to_owned)
}

fn relay_order(kind: OutletKind) -> u8 {
    match kind {
        OutletKind::Other => 0,
        OutletKind::Monitor => 1,
        OutletKind::Wire => 2,
        OutletKind::Online => 3,
        OutletKind::Broadcaster => 4,
        OutletKind::Newspaper => 5,
    }
}

fn slugify(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

// ---------------------------------------------------------------------------------------------
// Outlets.

/// The outlets every new ledger knows, most used first; any others it knows follow.
const POPULAR: &str = "Reuters|Associated Press|Agence France-Presse|BBC News|Al Jazeera|CNN|\
    BBC Monitoring|SITE Intelligence Group|The New York Times|Anadolu Agency|\
    The Washington Post|Bloomberg|Deutsche Presse-Agentur|Sky News|The Guardian|NBC News|\
    Xinhua|TASS|France Inter|The Wall Street Journal|MEMRI|Interfax|CBS News|ABC News|\
    Fox News|Agencia EFE|Kyodo News|United Press International|ANSA";

/// Outlets with no home country, ranked after the known ones.
const INTERNATIONAL_OUTLETS: &[(&str, OutletKind)] = &[
    ("Conflict Monitor International", OutletKind::Monitor),
    ("The Global Dispatch", OutletKind::Online),
    ("Open Source Watch", OutletKind::Monitor),
    ("Radio Horizon International", OutletKind::Broadcaster),
    ("The Frontline Review", OutletKind::Online),
    ("Airstrike Tracker", OutletKind::Monitor),
    ("World Briefing", OutletKind::Online),
    ("The Daily Ledger", OutletKind::Newspaper),
    ("International Press Digest", OutletKind::Online),
    ("Geneva Humanitarian Bulletin", OutletKind::Online),
];

fn outlet_name(rng: &mut Rng, land: &Land) -> (String, OutletKind) {
    let place = rng.pick(&land.places);
    let (name, demonym) = (land.name, land.demonym);
    let kind = rng.choose(&[
        (30, OutletKind::Newspaper),
        (25, OutletKind::Broadcaster),
        (25, OutletKind::Online),
        (8, OutletKind::Monitor),
        (5, OutletKind::Wire),
        (7, OutletKind::Other),
    ]);
    let outlet = match kind {
        OutletKind::Newspaper => match rng.below(7) {
            0 => format!("The {place} Herald"),
            1 => format!("{place} Times"),
            2 => format!("The Daily Ledger of {place}"),
            3 => format!("{place} Tribune"),
            4 => format!("The {name} Observer"),
            5 if land.francophone => format!("Le Courrier de {place}"),
            _ => format!("{place} Evening Post"),
        },
        OutletKind::Broadcaster => match rng.below(7) {
            0 => format!("{}24", place.replace(' ', "")),
            1 => format!("{place} TV"),
            2 => format!("Radio {place}"),
            3 => format!("{name} National Television"),
            4 => format!("{place} FM"),
            5 => format!("Voice of {place}"),
            _ => format!("{demonym} Public Radio"),
        },
        OutletKind::Online => match rng.below(5) {
            0 => format!("{place} Now"),
            1 => format!("{place} Insider"),
            2 => format!("The {name} Dispatch"),
            3 => format!("{}Live", name.replace(' ', "")),
            _ => format!("{place} Post Online"),
        },
        OutletKind::Monitor => match rng.below(3) {
            0 => format!("{name} Observatory for Human Rights"),
            1 => format!("{name} Conflict Monitor"),
            _ => format!("{place} Monitoring Network"),
        },
        OutletKind::Wire => match rng.below(2) {
            0 => format!("{name} News Agency"),
            _ => format!("{demonym} Press Agency"),
        },
        OutletKind::Other => match rng.below(3) {
            0 => format!("{place} News Telegram channel"),
            1 => format!("{place} Civil Defence page"),
            _ => format!("{place} residents' group"),
        },
    };
    (outlet, kind)
}

/// Claimants or outlets: all of them, the ones with no home country in order of use, and each
/// country's own in order of use (indexes into `all`).
struct Roster<T> {
    all: Vec<T>,
    global: Vec<usize>,
    local: Vec<Vec<usize>>,
}

/// Every outlet, the known ones first and most used.
fn make_outlets(
    rng: &mut Rng,
    known: &[OutletRecord],
    lands: &[Land],
    coverage: &[usize],
    total: usize,
) -> Result<Roster<Outlet>> {
    let mut names = Names::default();
    for record in known {
        names.claim(&record.name);
        for alias in &record.aliases {
            names.claim(alias);
        }
    }
    // The known ones in order of use, whatever order the ledger lists them in.
    let popular = words(POPULAR);
    let mut ranked: Vec<&OutletRecord> = known.iter().collect();
    ranked.sort_by_key(|r| {
        popular
            .iter()
            .position(|&p| p == r.name)
            .unwrap_or(popular.len())
    });
    let mut outlets: Vec<Outlet> = ranked
        .into_iter()
        .map(|record| Outlet {
            record: record.clone(),
        })
        .collect();
    let new = |name: &str, kind, aliases| Outlet {
        record: OutletRecord {
            name: name.to_owned(),
            kind,
            aliases,
            merged: Vec::new(),
        },
    };
    let mut global: Vec<usize> = (0..outlets.len()).collect();
    for &(name, kind) in INTERNATIONAL_OUTLETS {
        if outlets.len() < total && names.claim(name) {
            global.push(outlets.len());
            outlets.push(new(name, kind, Vec::new()));
        }
    }
    let mut local = vec![Vec::new(); lands.len()];
    let mut misses = 0;
    while outlets.len() < total {
        let l = rng.weighted(&coverage.iter().map(|&c| c as u64).collect::<Vec<_>>());
        // One real regional broadcaster; the rest are made up from places.
        let (name, kind) = if lands[l].name == "Iraq" && !names.taken("Kurdistan24") {
            ("Kurdistan24".to_owned(), OutletKind::Broadcaster)
        } else {
            outlet_name(rng, &lands[l])
        };
        if !names.claim(&name) {
            misses += 1;
            if misses > 100 * total {
                bail!("could not make up {total} distinct outlet names");
            }
            continue;
        }
        // National agencies and monitors are often cited by their initials.
        let mut aliases = Vec::new();
        if matches!(kind, OutletKind::Wire | OutletKind::Monitor) {
            let initials: String = name
                .split_whitespace()
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect();
            if initials.chars().count() >= 3 && names.claim(&initials) {
                aliases.push(initials);
            }
        }
        local[l].push(outlets.len());
        outlets.push(new(&name, kind, aliases));
    }
    Ok(Roster {
        all: outlets,
        global,
        local,
    })
}

// ---------------------------------------------------------------------------------------------
// Claimants.

fn name_pools(culture: Culture) -> (&'static str, &'static str) {
    match culture {
        Culture::Arabic => (
            "Ahmed|Mohammed|Ali|Omar|Hassan|Hussein|Khalid|Yusuf|Ibrahim|Mahmoud|Fatima|Aisha|\
             Layla|Mariam|Noor|Rania|Samir|Tariq|Walid|Ziad|Hana|Salma|Karim|Nabil|Adnan|Faisal|\
             Jamal|Mustafa|Saad|Amal|Bassam|Dalia|Emad|Ghassan|Haidar|Jawad|Lina|Majid|Nadia|\
             Qais|Rami|Sara|Yasmin|Zainab|Abbas|Firas|Huda|Munir",
            "al-Hashimi|Haddad|al-Jubouri|al-Obeidi|Khalil|Nasser|Saleh|Mansour|al-Tamimi|\
             Darwish|Hamdan|Qasim|Aziz|Farouk|al-Rubaie|Suleiman|Yassin|Barakat|Osman|\
             Abdelrahman|Habib|Jaber|Kanaan|Maalouf|al-Dulaimi|al-Zubaidi|Hamid|Idris|Bashir|\
             al-Masri|Shaheen|Awad|al-Khatib|Najjar|Sabbagh|al-Shammari|Bakr|al-Ahmar|Zaidan|\
             Othman",
        ),
        Culture::Hebrew => (
            "Yossi|Noa|Avi|Tamar|Eitan|Shira|Moshe|Yael|Daniel|Michal|Amir|Rina|Oren|Dana|Itai|\
             Gal|Ronit|Uri|Hila|Nadav",
            "Cohen|Levi|Mizrahi|Peretz|Biton|Friedman|Shapiro|Katz|Avraham|Ben-David|Azoulay|\
             Goldberg|Rosen|Dahan|Ohana|Malka|Segal|Harel",
        ),
        Culture::Sahel => (
            "Moussa|Amadou|Ibrahim|Oumar|Boubacar|Aminata|Fatoumata|Mariam|Issa|Seydou|Hamidou|\
             Adama|Salif|Awa|Kadiatou|Souleymane|Abdoulaye|Djibril|Hawa|Mamadou|Rokia|Bintou|\
             Ousmane|Alassane|Assétou|Drissa",
            "Traoré|Diallo|Coulibaly|Keïta|Maïga|Sidibé|Cissé|Touré|Ouédraogo|Sawadogo|Kaboré|\
             Diarra|Konaté|Sangaré|Bah|Camara|Issoufou|Mahamadou|Zongo|Compaoré|Dicko|Sanogo|\
             Doumbia|Bamba|Ag Alhassane|Boureima",
        ),
        Culture::Slavic => (
            "Olena|Oleksandr|Andriy|Iryna|Dmytro|Serhiy|Natalia|Yulia|Mykola|Viktor|Tetiana|\
             Vitaliy|Oksana|Ivan|Pavlo|Roman|Halyna|Bohdan|Svitlana|Yevhen|Anastasia|Maksym|\
             Kateryna|Taras|Sergei|Alexei|Yekaterina|Dmitry|Anna|Vladimir",
            "Kovalenko|Shevchenko|Bondarenko|Tkachenko|Kravchenko|Melnyk|Boyko|Lysenko|Petrenko|\
             Moroz|Savchenko|Rudenko|Marchenko|Zinchenko|Hrytsenko|Polishchuk|Kravets|Oliynyk|\
             Shevchuk|Honcharenko|Ivanov|Smirnov|Volkov|Sokolov|Morozov|Lebedev|Kuznetsov|\
             Popov|Fedorov|Orlov",
        ),
        Culture::Horn => (
            "Abdi|Hodan|Mohamed|Fadumo|Ahmed|Yusuf|Asha|Tesfaye|Mulugeta|Selam|Hamza|Ifrah|\
             Liban|Sahra|Dawit|Meron|Abebe|Hiwot|Getachew|Almaz|Bilan|Ayaan|Kassa|Tigist",
            "Warsame|Farah|Hassan|Abdullahi|Mohamud|Gebremedhin|Tadesse|Bekele|Alemu|Osman|Jama|\
             Aden|Nur|Ali|Mengistu|Haile|Wolde|Gebre|Ismail|Yusuf|Tessema|Desta",
        ),
        Culture::GreatLakes => (
            "Jean-Pierre|Patrick|Espérance|Alain|Chantal|Emmanuel|Innocent|Claudine|Bahati|\
             Furaha|Josué|Grâce|Fiston|Aimée|Olivier|Nadine|Eric|Solange|Placide|Jeanne|\
             Dieudonné|Béatrice",
            "Mukendi|Kasongo|Ilunga|Tshibanda|Mbuyi|Kabamba|Nzeyimana|Habimana|Uwimana|Mugisha|\
             Mutombo|Kalala|Lukusa|Bisimwa|Muhindo|Kambale|Nyiraneza|Ndayisaba|Mwamba|Kahindo|\
             Safari|Amani",
        ),
        Culture::Latin => (
            "Carlos|María|José|Luis|Ana|Jorge|Gabriela|Andrés|Patricia|Miguel|Jean|Marie|Pierre|\
             Widline|Rodrigo|Daniela|Fernando|Lucía|Esteban|Valentina|Jean-Robert|Nadège|Wilson|\
             Rosa",
            "García|Rodríguez|Martínez|López|Hernández|Pérez|Gómez|Díaz|Jean-Baptiste|\
             Pierre-Louis|Étienne|Joseph|Morales|Castillo|Vargas|Delva|Charles|Alexis|Romero|\
             Suárez|Mendoza|Herrera|Paul|Toussaint",
        ),
        Culture::Burmese => (
            "Aung|Min|Kyaw|Htut|Win|Zaw|Thant|Hla|Myint|Soe|Thiri|Nyein|Khin|Su|Mya|Tun|Naing|\
             Oo|Moe|Lwin|Thu|Zin|Ei|Phyo|Ye|Htet",
            "",
        ),
        Culture::European => (
            "Andrei|Ioana|Nino|Giorgi|Elena|Mihai|Ana|Levan|Tamar|Victor|Cristina|Irakli|Maria|\
             Dumitru|Natia|Sorin|Ecaterina|Davit|Alexandru|Mariam|Vlad|Salome",
            "Popescu|Ionescu|Rusu|Lungu|Ceban|Beridze|Kapanadze|Gelashvili|Munteanu|Moldovan|\
             Dumitrescu|Stan|Tsiklauri|Lomidze|Ciobanu|Rotaru|Gogia|Balan|Marin|Jgharkava|\
             Cojocaru|Chikhladze",
        ),
        Culture::Western => (
            "James|Sarah|Michael|Emma|David|Laura|Thomas|Anna|Peter|Claire|Mark|Julia|Stefan|\
             Sophie|Marco|Elena|Jan|Katarzyna|Hannah|Lucas|Rachel|Daniel|Ingrid|Paul|Camille|\
             Matthew",
            "Miller|Schmidt|Dubois|Rossi|Novak|Kowalski|Nielsen|Johnson|Martin|Bernard|Fischer|\
             Wagner|Moreau|Jansen|Carter|Hughes|Lindqvist|Brennan|Okafor|Lefebvre|Weber|Costa|\
             Holm|Walsh|Becker|Fontaine",
        ),
    }
}

/// A person's name no one else in the ledger has.
fn person_name(rng: &mut Rng, culture: Culture, names: &mut Names) -> String {
    let (first, last) = name_pools(culture);
    let (first, last) = (words(first), words(last));
    for attempt in 0.. {
        let name = match culture {
            // Burmese names have no family name: two or three syllables.
            Culture::Burmese => {
                let parts = if attempt < 4 { 2 } else { 3 };
                (0..parts)
                    .map(|_| rng.pick(&first))
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            // With the father's name between: "Ahmed Khalil al-Jubouri".
            Culture::Arabic | Culture::Horn if attempt >= 3 || rng.chance(250) => {
                format!(
                    "{} {} {}",
                    rng.pick(&first),
                    rng.pick(&first),
                    rng.pick(&last)
                )
            }
            _ if attempt >= 5 => {
                let initial = char::from(b'A' + rng.below(26) as u8);
                format!("{} {initial}. {}", rng.pick(&first), rng.pick(&last))
            }
            _ => format!("{} {}", rng.pick(&first), rng.pick(&last)),
        };
        if names.claim(&name) {
            return name;
        }
    }
    unreachable!("the loop ends only by returning")
}

/// Claimants every desk quotes whatever the story, most quoted first:
/// name, kind, role, affiliation, alias.
#[rustfmt::skip]
const INTERNATIONAL_CLAIMANTS: &[(&str, ClaimantKind, &str, &str, &str)] = {
    use ClaimantKind::{Anonymous as A, Organization as O};
    &[
        ("U.S. officials", A, "", "U.S. government", ""),
        ("United Nations", O, "", "", "UN"),
        ("a senior security official", A, "", "", ""),
        ("UN Office for the Coordination of Humanitarian Affairs", O, "", "United Nations", "OCHA"),
        ("two diplomats familiar with the talks", A, "", "", ""),
        ("World Health Organization", O, "", "United Nations", "WHO"),
        ("a senior Western diplomat", A, "", "", ""),
        ("International Committee of the Red Cross", O, "", "", "ICRC"),
        ("U.S. State Department", O, "", "U.S. government", "State Department"),
        ("European officials", A, "", "European Union", ""),
        ("a NATO official", A, "", "NATO", ""),
        ("Human Rights Watch", O, "", "", "HRW"),
        ("UNICEF", O, "", "United Nations", ""),
        ("Amnesty International", O, "", "", ""),
        ("Médecins Sans Frontières", O, "", "", "Doctors Without Borders"),
        ("World Food Programme", O, "", "United Nations", "WFP"),
        ("a person familiar with the matter", A, "", "", ""),
        ("UNHCR", O, "", "United Nations", "UN Refugee Agency"),
        ("Pentagon", O, "", "U.S. government", "U.S. Department of Defense"),
        ("intelligence sources", A, "", "", ""),
        ("a U.S. defense official", A, "defense official", "U.S. Department of Defense", ""),
        ("International Atomic Energy Agency", O, "", "United Nations", "IAEA"),
        ("African Union", O, "", "", ""),
        ("European Commission", O, "", "European Union", ""),
        ("Institute for the Study of War", O, "", "", "ISW"),
        ("ACLED", O, "", "", ""),
        ("Norwegian Refugee Council", O, "", "", "NRC"),
        ("International Organization for Migration", O, "", "United Nations", "IOM"),
        ("UN Security Council", O, "", "United Nations", ""),
        ("White House", O, "", "U.S. government", "The White House"),
        ("Kremlin", O, "", "Government of Russia", ""),
        ("a Western intelligence official", A, "", "", ""),
        ("aid workers", A, "", "", ""),
        ("diplomatic sources", A, "", "", ""),
        ("NATO", O, "", "", ""),
        ("Save the Children", O, "", "", ""),
        ("International Crisis Group", O, "", "", "Crisis Group"),
    ]
};

const THINK_TANKS: &str = "International Crisis Group|Chatham House|Institute for the Study of \
    War|Carnegie Endowment|ACLED|International Institute for Strategic Studies|Small Arms Survey";
const AID_GROUPS: &str = "Médecins Sans Frontières|International Committee of the Red Cross|\
    Norwegian Refugee Council|World Food Programme|Save the Children|UNICEF|\
    International Rescue Committee";
const RIGHTS_GROUPS: &str = "Human Rights Watch|Amnesty International";

/// Every claimant, the international ones first and most quoted.
fn make_claimants(
    rng: &mut Rng,
    lands: &[Land],
    coverage: &[usize],
    outlets: &[Outlet],
    total: usize,
) -> Roster<ClaimantRecord> {
    let mut names = Names::default();
    let mut claimants: Vec<ClaimantRecord> = Vec::with_capacity(total);
    let global_quota = (total * 8 / 100)
        .max(INTERNATIONAL_CLAIMANTS.len())
        .min(total);
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let mut global = Vec::new();
    for &(name, kind, role, affiliation, alias) in INTERNATIONAL_CLAIMANTS {
        if claimants.len() >= global_quota || !names.claim(name) {
            continue;
        }
        global.push(claimants.len());
        claimants.push(ClaimantRecord {
            role: some(role),
            affiliation: some(affiliation),
            kind,
            aliases: some(alias).filter(|a| names.claim(a)).into_iter().collect(),
            ..ClaimantRecord::named(name)
        });
    }
    while claimants.len() < global_quota {
        global.push(claimants.len());
        claimants.push(international_person(rng, &mut names));
    }

    // Each country's share follows how many stories it is in.
    let local_total = total - claimants.len();
    let covered: usize = coverage.iter().sum();
    let mut local = vec![Vec::new(); lands.len()];
    let mut given = 0;
    for (l, land) in lands.iter().enumerate() {
        let quota = if l + 1 == lands.len() {
            local_total - given
        } else {
            local_total * coverage[l] / covered
        };
        given += quota;
        let own_outlets: Vec<&str> = outlets
            .iter()
            .map(|o| o.record.name.as_str())
            .filter(|n| land.places.iter().any(|p| n.contains(p)))
            .collect();
        for record in core_claimants(land, &mut names) {
            if local[l].len() < quota {
                local[l].push(claimants.len());
                claimants.push(record);
            }
        }
        while local[l].len() < quota {
            local[l].push(claimants.len());
            claimants.push(local_claimant(rng, land, &own_outlets, &mut names));
        }
    }
    Roster {
        all: claimants,
        global,
        local,
    }
}

/// A country's most quoted claimants: its security sources, armed groups and ministries.
fn core_claimants(land: &Land, names: &mut Names) -> Vec<ClaimantRecord> {
    use ClaimantKind::{Anonymous, Organization};
    let (name, demonym) = (land.name, land.demonym);
    let mut core = Vec::new();
    let mut add = |claimant: String, kind, affiliation: Option<String>| {
        if names.claim(&claimant) {
            core.push(ClaimantRecord {
                affiliation,
                kind,
                ..ClaimantRecord::named(&claimant)
            });
        }
    };
    add(format!("{demonym} security sources"), Anonymous, None);
    for &group in &land.groups {
        add(group.to_owned(), Organization, None);
    }
    if land.state {
        add(format!("{demonym} Ministry of Defence"), Organization, None);
    }
    add(
        format!("a senior {demonym} official"),
        Anonymous,
        Some(land.government()),
    );
    add(format!("residents of {}", land.places[0]), Anonymous, None);
    if land.state {
        add(format!("{demonym} Ministry of Health"), Organization, None);
    } else {
        add(format!("{name} Health Ministry"), Organization, None);
        add(
            format!("{name} Government Media Office"),
            Organization,
            None,
        );
    }
    add(
        format!("medical sources in {}", land.places[0]),
        Anonymous,
        None,
    );
    add(format!("{name} Civil Defence"), Organization, None);
    if land.state {
        add(
            format!("{demonym} Ministry of Interior"),
            Organization,
            None,
        );
        add(
            format!("{demonym} Ministry of Foreign Affairs"),
            Organization,
            None,
        );
        add(
            format!("{demonym} Electoral Commission"),
            Organization,
            None,
        );
    }
    add(
        format!("a military source in {}", land.places[1]),
        Anonymous,
        None,
    );
    let red_crescent = matches!(
        land.culture,
        Culture::Arabic | Culture::Horn | Culture::Sahel
    );
    let society = if red_crescent {
        "Red Crescent"
    } else {
        "Red Cross"
    };
    add(format!("{demonym} {society}"), Organization, None);
    core
}

fn international_person(rng: &mut Rng, names: &mut Names) -> ClaimantRecord {
    let name = person_name(rng, Culture::Western, names);
    let (kind, role, affiliation) = match rng.below(10) {
        0..3 => (
            ClaimantKind::Person,
            "analyst",
            rng.pick(&words(THINK_TANKS)),
        ),
        3..5 => (
            ClaimantKind::Person,
            "researcher",
            rng.pick(&words(RIGHTS_GROUPS)),
        ),
        5..7 => (
            ClaimantKind::Official,
            rng.pick(&words(
                "spokesperson|special envoy|humanitarian coordinator|deputy spokesperson",
            )),
            "United Nations",
        ),
        7..9 => (
            ClaimantKind::Official,
            rng.pick(&words(
                "spokesman|ambassador|deputy secretary|press secretary",
            )),
            rng.pick(&words(
                "U.S. State Department|U.K. Foreign Office|French Foreign Ministry|\
                 European Union|NATO",
            )),
        ),
        _ => (
            ClaimantKind::Person,
            "aid worker",
            rng.pick(&words(AID_GROUPS)),
        ),
    };
    ClaimantRecord {
        role: Some(role.to_owned()),
        affiliation: Some(affiliation.to_owned()),
        kind,
        confidential: rng.chance(15),
        ..ClaimantRecord::named(&name)
    }
}

/// Someone quoted about one country: a resident, an official, a local body or an unnamed
/// source; some confidential, a few with a second name.
fn local_claimant(
    rng: &mut Rng,
    land: &Land,
    own_outlets: &[&str],
    names: &mut Names,
) -> ClaimantRecord {
    let (country, demonym) = (land.name, land.demonym);
    let kind = rng.choose(&[
        (50, ClaimantKind::Person),
        (28, ClaimantKind::Official),
        (9, ClaimantKind::Organization),
        (13, ClaimantKind::Anonymous),
    ]);
    let mut record = match kind {
        ClaimantKind::Anonymous => {
            let name = loop {
                let place = rng.pick(&land.places);
                let name = match rng.below(9) {
                    0 => format!("a security source in {place}"),
                    1 => format!("residents of {place}"),
                    2 => format!("a medical source in {place}"),
                    3 => format!("local officials in {place}"),
                    4 => format!("an aid worker in {place}"),
                    5 => format!("witnesses in {place}"),
                    6 => format!("a {demonym} military official"),
                    7 => format!("sources close to the {demonym} leadership"),
                    _ => format!("activists in {place}"),
                };
                if names.claim(&name) {
                    break name;
                }
                // The phrases run out; desks number their unnamed sources.
                let numbered = format!("{name} (source {})", rng.between(2, 99));
                if names.claim(&numbered) {
                    break numbered;
                }
            };
            ClaimantRecord {
                kind,
                ..ClaimantRecord::named(&name)
            }
        }
        ClaimantKind::Organization => {
            let bodies = words(
                "Provincial Council|Civil Defence|Health Directorate|Coordination Committee|\
                 General Hospital|Bar Association|Chamber of Commerce|Displaced Persons Committee|\
                 Traders' Association|Farmers' Union|Drivers' Union|Women's Union|Students' Union|\
                 Fishermen's Association|Teachers' Union|Water Authority|Municipal Council",
            );
            let name = loop {
                let name = format!("{} {}", rng.pick(&land.places), rng.pick(&bodies));
                if names.claim(&name) {
                    break name;
                }
            };
            ClaimantRecord {
                kind,
                affiliation: rng.chance(300).then(|| land.government()),
                ..ClaimantRecord::named(&name)
            }
        }
        ClaimantKind::Official => {
            let place = rng.pick(&land.places);
            let government = land.government();
            let (role, affiliation) = match rng.below(14) {
                0 => (
                    "spokesman".to_owned(),
                    format!("{demonym} Ministry of Defence"),
                ),
                1 => (
                    "army spokesman".to_owned(),
                    format!("{demonym} Armed Forces"),
                ),
                2 => ("interior minister".to_owned(), government),
                3 => ("health minister".to_owned(), government),
                4 => (format!("governor of {place}"), government),
                5 => (
                    format!("mayor of {place}"),
                    format!("{place} Municipal Council"),
                ),
                6 => (
                    format!("police chief in {place}"),
                    format!("{demonym} police"),
                ),
                7 => ("foreign minister".to_owned(), government),
                8 => (
                    "member of parliament".to_owned(),
                    format!("{country} Parliament"),
                ),
                9 => (
                    "provincial council member".to_owned(),
                    format!("{place} Provincial Council"),
                ),
                10 => (
                    "electoral commission spokesperson".to_owned(),
                    format!("{demonym} Electoral Commission"),
                ),
                11 => ("presidential adviser".to_owned(), government),
                12 if !land.groups.is_empty() => {
                    ("commander".to_owned(), rng.pick(&land.groups).to_owned())
                }
                _ => (
                    "border police commander".to_owned(),
                    format!("{demonym} Border Police"),
                ),
            };
            ClaimantRecord {
                kind,
                role: Some(role),
                affiliation: (!rng.chance(80)).then_some(affiliation),
                ..ClaimantRecord::named(&person_name(rng, land.culture, names))
            }
        }
        ClaimantKind::Person => {
            let place = rng.pick(&land.places);
            let (role, affiliation) = match rng.below(20) {
                0..3 => (None, None),
                3..5 => (Some(format!("resident of {place}")), None),
                5 => (Some("witness".to_owned()), None),
                6 => (
                    Some("doctor".to_owned()),
                    Some(format!("{place} General Hospital")),
                ),
                7 => (
                    Some("nurse".to_owned()),
                    Some(format!("{place} Teaching Hospital")),
                ),
                8 if !own_outlets.is_empty() => (
                    Some("local journalist".to_owned()),
                    Some(rng.pick(own_outlets).to_owned()),
                ),
                8 => (Some(format!("freelance journalist in {place}")), None),
                9 => (
                    Some("analyst".to_owned()),
                    Some(rng.pick(&words(THINK_TANKS)).to_owned()),
                ),
                10 => (
                    Some("researcher".to_owned()),
                    Some(rng.pick(&words(RIGHTS_GROUPS)).to_owned()),
                ),
                11 => (
                    Some("activist".to_owned()),
                    Some(format!("{place} Coordination Committee")),
                ),
                12 => (Some("community elder".to_owned()), None),
                13 => (
                    Some("aid worker".to_owned()),
                    Some(rng.pick(&words(AID_GROUPS)).to_owned()),
                ),
                14 => (Some("lawyer".to_owned()), None),
                15 => (Some(format!("shopkeeper in {place}")), None),
                16 => (Some(format!("displaced resident of {place}")), None),
                17 if !land.groups.is_empty() => (
                    Some("spokesman".to_owned()),
                    Some(rng.pick(&land.groups).to_owned()),
                ),
                17 => (Some(format!("teacher in {place}")), None),
                18 => (Some(format!("farmer near {place}")), None),
                _ => (Some("opposition politician".to_owned()), None),
            };
            ClaimantRecord {
                kind,
                role,
                affiliation,
                ..ClaimantRecord::named(&person_name(rng, land.culture, names))
            }
        }
    };
    if matches!(kind, ClaimantKind::Person | ClaimantKind::Official) {
        record.confidential = rng.chance(30);
        // A few are also known by a shorter name: "Dr. Haddad", "Gov. Traoré".
        if !record.confidential && rng.chance(60) {
            let last = record.name.rsplit(' ').next().unwrap_or_default();
            let title = match record.role.as_deref().unwrap_or_default() {
                "doctor" => "Dr.",
                "commander" => "Cmdr.",
                r if r.starts_with("governor") => "Gov.",
                r if r.starts_with("mayor") => "Mayor",
                r if r.ends_with("minister") => "Minister",
                _ => "",
            };
            let alias = if title.is_empty() {
                let initial = record.name.chars().next().unwrap_or('X');
                format!("{initial}. {last}")
            } else {
                format!("{title} {last}")
            };
            if names.claim(&alias) {
                record.aliases.push(alias);
            }
        }
    }
    record
}

// ---------------------------------------------------------------------------------------------
// Claim texts: newsy sentences from word lists, 60 to 300 characters.

const MIN_TEXT: usize = 60;
const MAX_TEXT: usize = 300;

const OPENINGS_CONFLICT: &[&str] = &[
    "{Force} took control of {facility} in {place} {when}",
    "At least {n} civilians were killed in {strike} on {place} {when}",
    "{Force} withdrew from positions east of {place} {when}",
    "{Armed} attacked a checkpoint outside {place}, killing {n} soldiers",
    "{n} fighters were captured near {place} {when}",
    "{Strike} hit {facility} in {place} {when}",
    "{Force} shot down {n} drones over {place} {when}",
    "Heavy fighting was reported on the road between {place} and {place2} {when}",
    "{Armed} seized {n} trucks carrying {cargo} near {place}",
    "{Force} recaptured {n} villages around {place} {when}",
    "{Force} blew up a bridge linking {place} to {place2} {when}",
    "Shelling cut power and water to {n} districts of {place} {when}",
    "\"We are in full control of {place},\" a commander of {armed} said",
    "Commanders of {armed} ordered a withdrawal from {place} {when}",
    "{n} soldiers were killed when {strike} hit a base near {place}",
    "A curfew was imposed in {place} after {n} people were killed in clashes {when}",
];
const OPENINGS_POLITICS: &[&str] = &[
    "Turnout in {place} reached {pct} percent by midday {when}",
    "Opposition observers were barred from {n} polling stations in {place}",
    "The president will dissolve parliament within {n} days",
    "{n} ballot boxes went missing between {place} and {place2}",
    "Police detained {n} protesters outside government buildings in {place} {when}",
    "The ruling party won {pct} percent of the vote in {place}",
    "Talks between the government and the opposition in {city} collapsed {when}",
    "The {demonym} foreign minister will travel to {city} for talks {when}",
    "A draft agreement seen by negotiators in {city} provides for a {n}-day truce",
    "{n} members of parliament have resigned in protest {when}",
    "The electoral commission delayed results from {place} by {n} days",
    "Security forces used tear gas to disperse thousands of protesters in {place} {when}",
    "\"The vote in {place} was neither free nor fair,\" an opposition leader said",
    "Mediators in {city} proposed the release of {n} detainees as a first step",
];
const OPENINGS_HUMANITARIAN: &[&str] = &[
    "{n} families fled {place} {when} after {trigger}",
    "Aid convoys carrying {cargo} have been blocked outside {place} for {n} days",
    "The main hospital in {place} has run out of {supply}",
    "{n} children have died of malnutrition in camps around {place} since {month}",
    "Cholera cases in {place} rose to {n} {when}",
    "{Org} suspended operations in {place} {when} after {trigger}",
    "{n} tonnes of {cargo} reached {place} {when}",
    "More than {n} displaced people are sheltering in schools in {place}",
    "{n} aid workers were detained at a checkpoint near {place}",
    "Bread prices in {place} have risen {pct} percent since {month}",
    "Only {n2} hospitals in {place} are still working, {src} said",
];
const OPENINGS_DISASTER: &[&str] = &[
    "The death toll from the {disaster} in {place} rose to {n} {when}",
    "Rescuers pulled {n} survivors from collapsed buildings in {place} {when}",
    "{n} people remain missing after the {disaster} hit {place}",
    "Flooding cut the road between {place} and {place2} {when}",
    "More than {n} homes were destroyed in and around {place}",
    "Authorities declared a state of emergency in {place} {when}",
    "The {disaster} left {n} villages near {place} without power",
];
const OPENINGS_ECONOMY: &[&str] = &[
    "Oil exports through {place} fell to {n} barrels a day {when}",
    "A {ship} was struck by a drone off {place} {when}",
    "Insurers raised war-risk premiums for ships calling at {place} by {pct} percent",
    "{n} tankers are waiting to load at {place}",
    "The government will raise fuel prices by {pct} percent from {month}",
    "{Force} intercepted {n} missiles fired at a {ship} {when}",
    "Exports of grain from {place} resumed {when} after a {n}-day halt",
    "The central bank sold {n} million dollars to defend the currency {when}",
    "A mining company halted operations near {place}, laying off {n} workers",
];

const CLAUSES: &[&str] = &[
    ", according to {src}",
    ", {src} said",
    ", citing {src}",
    ", a claim that could not be independently verified",
    ", {src} told reporters",
    ", {src} said in a statement",
];

/// Sentences that may follow any opening.
const FOLLOW_UPS: &[&str] = &[
    "The claim was first made in a post on Telegram.",
    "Local media reported similar figures from {place2}.",
    "Earlier reports had put the number at {n2}.",
    "Residents said phone lines to {place} were cut.",
    "Officials have not commented.",
];
const FOLLOW_UPS_CONFLICT: &[&str] = &[
    "{Armed} denied the report.",
    "Footage shared online appeared to show {scene} in {place}.",
    "No group has claimed responsibility.",
    "{n} others were wounded, {n2} of them critically.",
    "Witnesses described heavy gunfire near {facility}.",
    "Satellite images taken on {weekday} show damage to {facility}.",
    "Officials said the toll could rise.",
];
const FOLLOW_UPS_POLITICS: &[&str] = &[
    "Talks are due to resume in {city} on {weekday}.",
    "The opposition called for protests in {place} on {weekday}.",
    "International observers said they were studying the reports.",
    "The electoral commission has not published figures for {place2}.",
    "Final results are expected within {n2} days.",
];
const FOLLOW_UPS_HUMANITARIAN: &[&str] = &[
    "{Org} called for safe access for aid convoys.",
    "Officials said the toll could rise.",
    "The figure could not be confirmed with hospitals in {place}.",
    "Aid agencies said {n2} trucks had been turned back.",
    "{Org} said it had no staff left in {place}.",
];
const FOLLOW_UPS_DISASTER: &[&str] = &[
    "Officials said the toll could rise.",
    "Rescue teams were still searching for survivors in {place2}.",
    "Footage shared online appeared to show {scene} in {place}.",
    "The figure could not be confirmed with hospitals in {place}.",
    "Roads into {place} remain cut.",
];
const FOLLOW_UPS_ECONOMY: &[&str] = &[
    "Shipping companies said they would reroute vessels.",
    "Prices for {cargo} rose {pct} percent on the news.",
    "The ministry said exports would resume within {n2} days.",
    "Satellite images taken on {weekday} show damage to {facility}.",
    "Traders in {place} reported shortages of {cargo}.",
];

fn claim_text(rng: &mut Rng, land: &Land, theme: Theme) -> String {
    let (openings, follow_ups) = match theme {
        Theme::Conflict => (OPENINGS_CONFLICT, FOLLOW_UPS_CONFLICT),
        Theme::Politics => (OPENINGS_POLITICS, FOLLOW_UPS_POLITICS),
        Theme::Humanitarian => (OPENINGS_HUMANITARIAN, FOLLOW_UPS_HUMANITARIAN),
        Theme::Disaster => (OPENINGS_DISASTER, FOLLOW_UPS_DISASTER),
        Theme::Economy => (OPENINGS_ECONOMY, FOLLOW_UPS_ECONOMY),
    };
    let mut filler = Filler {
        land,
        place: 0,
        number: 0,
    };
    // Mostly 100 to 250 characters; never under 60 or over 300.
    let target = MIN_TEXT + rng.index(121) + rng.index(121);
    let mut text = String::new();
    let opening = rng.pick(openings);
    filler.expand(rng, opening, &mut text);
    if !text.ends_with("said") && rng.chance(550) {
        let clause = rng.pick(CLAUSES);
        filler.expand(rng, clause, &mut text);
    }
    text.push('.');
    let mut used = Vec::new();
    for _ in 0..8 {
        if chars(&text) >= target {
            break;
        }
        let follow_up = if rng.chance(700) {
            rng.pick(follow_ups)
        } else {
            rng.pick(FOLLOW_UPS)
        };
        if used.contains(&follow_up) {
            continue;
        }
        used.push(follow_up);
        let mut next = String::from(" ");
        filler.expand(rng, follow_up, &mut next);
        if chars(&text) + chars(&next) <= MAX_TEXT {
            text.push_str(&next);
        }
    }
    if chars(&text) < MIN_TEXT {
        text.push_str(" Officials have not commented.");
    }
    text
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

struct Filler<'l> {
    land: &'l Land,
    /// The place named last, so that "{place2}" names another.
    place: usize,
    /// The number given last, so that "{n2}" can be a part of it; 0 before any.
    number: i64,
}

impl Filler<'_> {
    /// Writes `template` with each `{slot}` filled; a capitalized slot starts a sentence.
    fn expand(&mut self, rng: &mut Rng, template: &str, out: &mut String) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("a closed slot");
            let slot = &rest[open + 1..close];
            let word = self.fill(rng, &slot.to_lowercase());
            if slot.starts_with(|c: char| c.is_uppercase()) {
                let mut cs = word.chars();
                if let Some(first) = cs.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(cs.as_str());
                }
            } else {
                out.push_str(&word);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    fn fill(&mut self, rng: &mut Rng, slot: &str) -> String {
        let land = self.land;
        let demonym = land.demonym;
        let list = match slot {
            "place" => {
                self.place = rng.index(land.places.len());
                return land.places[self.place].to_owned();
            }
            "place2" => {
                let n = land.places.len();
                return land.places[(self.place + 1 + rng.index(n - 1)) % n].to_owned();
            }
            "n" => {
                self.number = number(rng);
                return thousands(self.number);
            }
            "n2" if self.number < 4 => return thousands(number(rng)),
            "n2" => return rng.between(1, self.number / 2).to_string(),
            "pct" => return rng.between(8, 92).to_string(),
            "demonym" => return demonym.to_owned(),
            "armed" => return rng.pick(&land.fighters).to_owned(),
            "force" => {
                return match rng.below(8) {
                    0 => format!("{demonym} forces"),
                    1 => format!("{demonym} troops"),
                    2 | 3 => rng.pick(&land.fighters).to_owned(),
                    4 => "security forces".to_owned(),
                    5 => "government forces".to_owned(),
                    6 => "special forces".to_owned(),
                    _ => "armed men".to_owned(),
                };
            }
            "src" => {
                return match rng.below(12) {
                    0 => "a local official".to_owned(),
                    1 => "the army".to_owned(),
                    2 => "residents".to_owned(),
                    3 => "medical sources".to_owned(),
                    4 => "the interior ministry".to_owned(),
                    5 => "a spokesman for the governor".to_owned(),
                    6 => format!("the {demonym} defence ministry"),
                    7 => "aid workers".to_owned(),
                    8 => "activists".to_owned(),
                    9 => "a security source".to_owned(),
                    10 => format!("{demonym} health officials"),
                    _ => "police".to_owned(),
                };
            }
            "when" => {
                let day = rng.pick(&words(WEEKDAYS));
                return match rng.below(8) {
                    0 => "overnight".to_owned(),
                    1 => "this week".to_owned(),
                    2 => "in the past 24 hours".to_owned(),
                    3 => format!("early on {day}"),
                    4 => format!("late on {day}"),
                    _ => format!("on {day}"),
                };
            }
            "facility" => {
                "the airport|the main hospital|the central prison|an oil refinery|\
                 the border crossing|a military base|the port|the power station|\
                 the governor's office|a grain silo|the university campus|a checkpoint|\
                 the water treatment plant|a fuel depot"
            }
            "strike" => {
                "an air strike|a drone strike|artillery fire|a missile strike|a car bomb|\
                 rocket fire|a suicide attack"
            }
            "cargo" => "food aid|fuel|weapons|ammunition|wheat|medical supplies|flour",
            "supply" => {
                "fuel for its generators|anaesthetics|blood for transfusions|insulin|\
                 clean water|oxygen"
            }
            "trigger" => {
                "renewed shelling|a wave of kidnappings|attacks on aid convoys|flooding|\
                 looting of warehouses|threats against staff"
            }
            "org" => {
                "the United Nations|Médecins Sans Frontières|the Red Cross|\
                 the World Food Programme|UNICEF|Save the Children|Human Rights Watch"
            }
            "disaster" => "earthquake|floods|landslide|cyclone|drought|fire",
            "ship" => "cargo ship|oil tanker|container ship|bulk carrier|fishing vessel",
            "city" => {
                "Geneva|Doha|Cairo|Istanbul|Vienna|Addis Ababa|Nairobi|Brussels|Jeddah|Riyadh"
            }
            "weekday" => WEEKDAYS,
            "month" => {
                "January|February|March|April|May|June|July|August|September|October|\
                 November|December"
            }
            "scene" => {
                "burning vehicles|a collapsed building|crowds at a checkpoint|\
                 smoke rising over the city|bodies in a street|fighters raising a flag|\
                 long queues for bread"
            }
            other => unreachable!("no slot {{{other}}}"),
        };
        rng.pick(&words(list)).to_owned()
    }
}

const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// Counts as reports give them: mostly small, sometimes hundreds or thousands.
fn number(rng: &mut Rng) -> i64 {
    match rng.below(20) {
        0..10 => rng.between(2, 20),
        10..16 => rng.between(21, 99),
        16..19 => rng.between(100, 999),
        _ => rng.between(1_000, 20_000),
    }
}

fn thousands(n: i64) -> String {
    if n >= 1_000 {
        format!("{},{:03}", n / 1_000, n % 1_000)
    } else {
        n.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Status events.

fn event_note(rng: &mut Rng, status: Status, land: &Land) -> String {
    let place = rng.pick(&land.places);
    let demonym = land.demonym;
    match status {
        Status::Corroborated => match rng.below(5) {
            0 => "second independent source".to_owned(),
            1 => format!("consistent with accounts from residents of {place}"),
            2 => "confirmed by a second official".to_owned(),
            3 => "footage posted by residents matches".to_owned(),
            _ => "matches wire reporting".to_owned(),
        },
        Status::Verified => match rng.below(8) {
            0 => format!("footage geolocated to {place}"),
            1 => "confirmed by hospital records".to_owned(),
            2 => "official statement published".to_owned(),
            3 => "satellite imagery confirms damage".to_owned(),
            4 => format!("confirmed on the record by {demonym} officials"),
            5 => "checked against the original broadcast".to_owned(),
            6 => "document obtained and authenticated".to_owned(),
            _ => "confirmed by two independent sources on the ground".to_owned(),
        },
        Status::False => match rng.below(6) {
            0 => format!("footage dates from {}", rng.between(2012, 2023)),
            1 => "image predates the event (reverse image search)".to_owned(),
            2 => format!("location does not match: geolocated outside {place}"),
            3 => format!("no record at hospitals in {place}"),
            4 => "figures contradicted by UN data".to_owned(),
            _ => "source later admitted the account was invented".to_owned(),
        },
        Status::Retracted => match rng.below(4) {
            0 => "claimant withdrew the statement".to_owned(),
            1 => "outlet retracted its report".to_owned(),
            2 => "ministry corrected the figure".to_owned(),
            _ => "source walked back the claim".to_owned(),
        },
        Status::Disputed => match rng.below(5) {
            0 => format!("contradicted by {demonym} officials"),
            1 => format!("residents of {place} give a different account"),
            2 => "figures disputed by the UN".to_owned(),
            3 => "denied by the army".to_owned(),
            _ => "conflicting accounts of who controls the area".to_owned(),
        },
        Status::Unverified => "reopened".to_owned(),
    }
}

/// Links to what settled it: one to three for a settled claim, sometimes one for a dispute
/// or a corroboration.
fn evidence(rng: &mut Rng, status: Status, story: Option<&str>) -> Vec<String> {
    let count = match status {
        Status::Verified | Status::False | Status::Retracted => rng.between(1, 3),
        Status::Disputed if rng.chance(300) => 1,
        Status::Corroborated if rng.chance(200) => 1,
        _ => 0,
    };
    let kinds = words("geolocation|archive|satellite|document|video|statement|screenshot");
    (0..count)
        .map(|_| {
            let kind = rng.pick(&kinds);
            format!(
                "https://evidence.example/{}/{}/{kind}",
                story.unwrap_or("misc"),
                rng.hex(8)
            )
        })
        .collect()
}
