//! The words attribution is written with, as data: the rules in the other files look them
//! up rather than spelling them out. Words are lowercase; outlet names are as written.

/// Verbs that report what someone said: the words after them are the claim.
pub const SAY_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "states",
    "wrote", "writes", "claimed", "claims", "insisted", "insists", "explained", "explains",
    "noted", "notes", "argued", "argues", "asserted", "asserts", "acknowledged",
    "acknowledges", "confirmed", "confirms", "estimated", "estimates", "predicted", "predicts",
    "warned", "warns", "recalled", "recalls", "replied", "replies", "announced", "announces",
    "reported", "reports", "alleged", "alleges", "tweeted", "posted", "testified", "testifies",
    "ruled", "concluded", "concludes", "maintained", "maintains", "conceded",
    "concedes", "admitted", "admits", "suggested", "suggests", "indicated", "indicates",
    "revealed", "reveals", "disclosed", "emphasised", "emphasized", "stressed", "stresses",
    "observed", "remarked", "responded", "responds", "countered", "counters", "complained",
    "complains", "reiterated", "reiterates", "warn", "claim", "commented", "comments",
    "cautioned", "cautions", "pointed", "expressed", "expresses", "voiced", "voices",
];

/// Verbs that report speech only after a quotation: `"...," she continued`, `"...," the
/// letter read`.
pub const QUOTE_VERBS: &[&str] = &[
    "continued", "continues", "read", "reads", "concluded", "concludes", "began", "begins",
];

/// Verbs of speech that also say how much something moved, when a number follows: "gold
/// added 0.1%".
pub const QUANTITY_VERBS: &[&str] = &["added", "adds", "gained", "gains"];

/// Verbs of speech in their -ing form, which after "is" or "are" say what someone is
/// saying now: "advocates are urging the board to ...".
pub const PROGRESSIVE_SPEECH: &[&str] = &[
    "saying", "telling", "urging", "warning", "demanding", "claiming", "insisting", "arguing",
    "accusing", "alleging", "pledging", "vowing", "predicting", "asking", "pressing",
];

/// Forms of "be" before a verb's -ing form.
pub const BE_FORMS: &[&str] = &["is", "are", "was", "were"];

/// Nouns that carry a claim: "claims by X that ...", "X's assertion that ...", "his vow
/// that ...".
pub const CLAIM_NOUNS: &[&str] = &[
    "claim", "claims", "assertion", "assertions", "allegation", "allegations", "vow", "pledge",
    "promise", "insistence", "contention", "accusation", "accusations", "warning", "warnings",
    "argument", "suggestion", "denial", "prediction", "admission", "boast",
];

/// Possessive pronouns that own a claim ("his vow that ..."), and the pronouns they stand
/// for, in the same order.
pub const OWNER_PRONOUNS: &[&str] = &["his", "her", "their", "its"];
pub const OWNER_PRONOUN_SUBJECTS: &[&str] = &["he", "she", "they", "it"];

/// Verbs that are themselves the thing said ("X condemned Y", "X urged Y"): the whole
/// sentence is the claim.
pub const ACT_VERBS: &[&str] = &[
    "urged", "urges", "condemned", "condemns", "pledged", "pledges", "vowed", "vows",
    "promised", "promises", "demanded", "demands", "accused", "accuses", "boasted", "boasts",
    "threatened", "threatens", "called", "appealed", "appeals", "denied", "denies", "rejected",
    "rejects", "dismissed", "dismisses", "criticised", "criticized", "criticises",
    "criticizes", "defended", "defends", "blamed", "blames", "calls", "branded", "brands",
    "labelled", "labeled", "dubbed", "described", "describes", "characterised",
    "characterized",
];

/// Verbs of naming, which say something only with the name they give in quotation marks:
/// "called the plan \"a disgrace\"", not "called a meeting".
pub const NAMING_VERBS: &[&str] = &[
    "called", "calls", "branded", "brands", "labelled", "labeled", "dubbed",
];

/// Verbs of naming that give the name after "as": "described the deal as a mistake".
pub const NAMING_AS_VERBS: &[&str] = &[
    "described", "describes", "characterised", "characterized",
];

/// Verbs that report speech only with their particle: "called on", "called for", "pointed
/// out".
pub const ACT_VERB_PARTICLES: &[(&str, &[&str])] = &[
    ("pointed", &["out"]),
    ("expressed", FEELINGS),
    ("expresses", FEELINGS),
    ("voiced", FEELINGS),
    ("voices", FEELINGS),
    ("called", &["on", "for"]),
    ("appealed", &["to", "for"]),
    ("appeals", &["to", "for"]),
];

/// What one expresses or voices when it says something: "expressed fears that ...".
pub const FEELINGS: &[&str] = &[
    "fear", "fears", "concern", "concerns", "hope", "hopes", "doubt", "doubts", "confidence",
    "regret", "optimism", "alarm", "frustration", "disappointment", "worry", "worries",
];

/// Words between a subject and its verb that belong to neither ("has also said").
pub const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "later", "then",
    "again", "previously", "earlier", "repeatedly", "publicly", "separately", "further",
    "reportedly", "apparently", "purportedly", "allegedly", "had", "did", "does",
];

/// Heads of a noun phrase that name nobody in particular.
pub const ANONYMOUS_HEADS: &[&str] = &[
    "official", "officials", "source", "sources", "analyst", "analysts", "expert", "experts",
    "witness", "witnesses", "resident", "residents", "diplomat", "diplomats", "observer",
    "observers", "caller", "callers", "person", "people", "someone", "spokesperson",
    "spokesman", "spokeswoman", "insider", "insiders", "aide", "aides", "critics", "many",
    "some", "others", "activists", "activist", "commentators", "investors", "traders",
    "economists", "economist", "lawmakers", "lawmaker", "officers", "officer", "member",
    "members", "employee", "employees", "worker", "workers", "survivor", "survivors", "media",
    "reports", "prosecutors", "investigators", "authorities", "rescuers", "doctors", "medics",
    "scientists", "researchers", "lawyers", "negotiators", "mediators", "organisers",
    "organizers", "protesters", "demonstrators", "fans", "delegate", "delegates",
    "participants", "attendees",
];

/// Words that, leading a phrase, make it vague ("one official", "unnamed sources").
pub const VAGUE_LEADS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "several", "some", "many", "unnamed",
    "anonymous", "senior", "other", "another", "various", "multiple", "numerous",
];

/// Pronouns that stand for the person last named.
pub const PERSON_PRONOUNS: &[&str] = &[
    "he", "she", "they",
];

/// Pronouns that stand for the organisation, outlet or unnamed source last speaking: "It
/// said ...".
pub const THING_PRONOUNS: &[&str] = &["it"];

/// Nouns that refer back to the outlet last named ("the news agency").
pub const OUTLET_REFERENCES: &[&str] = &[
    "the news agency", "the agency", "the broadcaster", "the newspaper", "the paper",
    "the channel", "the station", "the network", "the programme", "the program", "the show",
    "the wire service", "the daily", "the website", "the outlet",
];

/// Words that describe an outlet next to its name ("local broadcaster TVN24", "Al-Masar
/// television channel", "France Inter radio").
pub const OUTLET_DESCRIPTORS: &[&str] = &[
    "broadcaster", "news agency", "agency", "newspaper", "daily", "weekly", "radio",
    "television", "tv", "channel", "station", "network", "website", "wire service",
    "programme", "program", "show", "magazine", "news website", "state television",
    "state radio", "state media", "monitoring group", "monitor",
];

/// Words inside a name that make it an outlet's ("Qadira News Agency", "Times Radio").
pub const OUTLET_NAME_WORDS: &[&str] = &[
    "news", "radio", "tv", "television", "channel", "agency", "post", "times", "press",
    "monitoring", "broadcasting", "herald", "tribune", "gazette", "journal", "telegraph",
    "daily", "chronicle", "ledger", "observer", "review", "inter", "today",
];

/// Platforms carry words but are not part of a relay chain.
pub const PLATFORMS: &[&str] = &[
    "telegram", "facebook", "twitter", "x", "youtube", "instagram", "tiktok", "whatsapp",
    "truth social", "threads", "bluesky", "weibo", "vk",
];

/// Phrases naming how words came out, and the medium logged for each.
pub const MEDIA: &[(&str, &str)] = &[
    ("audio recording", "audio recording"),
    ("audio message", "audio recording"),
    ("audio tape", "audio recording"),
    ("recording", "audio recording"),
    ("tape", "audio recording"),
    ("video", "video"),
    ("clip", "video"),
    ("footage", "video"),
    ("statement", "statement"),
    ("communique", "statement"),
    ("press release", "statement"),
    ("phone interview", "interview"),
    ("interview", "interview"),
    ("press conference", "press conference"),
    ("news conference", "press conference"),
    ("briefing", "press conference"),
    ("post on social media", "social media post"),
    ("social media", "social media post"),
    ("facebook page", "social media post"),
    ("tweet", "social media post"),
    ("letter", "letter"),
    ("speech", "speech"),
];

/// Media that are things one can refer back to ("the recording", "the clip") and that
/// carry their own chain of outlets.
pub const MEDIA_OBJECTS: &[&str] = &[
    "recording", "audio", "tape", "video", "clip", "footage", "message",
];

/// Documents a claim can be read from, whose author is the claimant ("according to figures
/// published by the health institute", "according to a statement on the regulator's
/// website").
pub const SOURCE_DOCUMENTS: &[&str] = &[
    "statement", "figures", "data", "report", "survey", "study", "estimates", "tally", "count",
    "records", "documents", "filing", "letter", "post", "release", "memo", "papers", "email",
    "emails", "minutes", "lawsuit", "suit", "complaint", "indictment", "affidavit", "filings",
    "document", "ruling", "judgment", "transcript", "dossier", "audit", "review", "analysis",
    "poll", "assessment", "notice", "order", "draft", "text", "proposal", "paper",
];

/// Verbs by which a document says something: "the study found that ...".
pub const DOCUMENT_VERBS: &[&str] = &[
    "found", "finds", "showed", "shows", "concluded", "concludes", "suggested", "suggests",
    "estimated", "estimates",
];

/// Nouns that refer back to an organisation named before ("the company said").
pub const INSTITUTION_REFERENCES: &[&str] = &[
    "company", "firm", "group", "organisation", "organization", "ministry", "government",
    "department", "council", "court", "bank", "lender", "regulator", "authority", "agency",
    "commission", "board", "union", "party", "airline", "retailer", "insurer", "carrier",
    "operator", "manufacturer", "maker", "startup", "business", "utility", "hospital",
    "university", "club", "team", "league", "museum", "charity", "foundation", "institute",
    "association", "federation", "committee", "administration", "campaign", "watchdog",
    "monitor", "office",
];

/// Outlets a ledger does not seed but copy often names, so that "according to ESPN" or "told
/// The Athletic" is read as a relay; the ledger's own outlets and aliases count too.
pub const WELL_KNOWN_OUTLETS: &[&str] = &[
    "ESPN", "The Athletic", "Financial Times", "FT", "Daily Telegraph", "The Telegraph",
    "The Times", "Sunday Times", "Daily Mail", "The Independent", "The Economist",
    "The Observer", "Politico", "Axios", "CNBC", "MSNBC", "NPR", "PBS", "Le Monde",
    "Le Figaro", "Der Spiegel", "Spiegel", "El País", "Haaretz", "Times of Israel",
    "Al Arabiya", "RT", "Sputnik", "IRNA", "Tasnim", "Fars", "KCNA", "Yonhap", "NHK",
    "Asahi Shimbun", "South China Morning Post", "Global Times", "Caixin", "The Hindu",
    "Times of India", "Dawn", "CBC", "Globe and Mail", "Toronto Star", "Los Angeles Times",
    "Chicago Tribune", "USA Today", "Newsweek", "Time", "The Atlantic", "The New Yorker",
    "Vice", "HuffPost", "Business Insider", "The Verge", "Wired", "TechCrunch", "Semafor",
    "The Information", "Deutsche Welle", "DW", "Euronews", "France 24", "RFI",
    "Voice of America", "VOA", "Radio Free Europe", "RFE/RL", "Kyiv Independent",
    "Ukrainska Pravda", "Meduza", "Kommersant", "RIA Novosti", "TRT", "Daily Sabah",
    "Variety", "Rolling Stone", "Billboard", "The Hollywood Reporter", "Hollywood Reporter",
    "TMZ", "Entertainment Weekly", "Vanity Fair", "Forbes", "Fortune", "Al-Monitor",
    "Middle East Eye", "Asharq Al-Awsat", "Arab News", "BBC World Service",
    "BBC Radio 4", "BBC Radio 5 Live", "Channel 4 News", "ITV News", "LBC", "Times Radio",
    "GB News", "The Sun", "Daily Mirror", "Evening Standard", "Irish Times", "RTÉ",
    "ProPublica", "The Intercept", "Bellingcat", "Axios", "The Hill", "Fox Business",
    "Sky Sports", "BBC Sport", "L'Équipe", "Marca", "Gazzetta dello Sport", "Kicker",
    "The Lancet", "Lancet", "Nature", "Science", "New England Journal of Medicine", "NEJM",
    "JAMA", "BMJ", "Cell", "PNAS",
];

/// Markers of doubt under the wording the ledger records, each with the words that must
/// appear, in order and close together, for the sentence to carry it.
pub const DOUBT_MARKERS: &[(&str, &[&str])] = &[
    (
        "not immediately possible to independently verify",
        &["not immediately possible", "verify"],
    ),
    (
        "could not be independently verified",
        &["could not be independently verified"],
    ),
    (
        "could not independently verify",
        &["could not independently verify"],
    ),
    ("could not be verified", &["could not be verified"]),
    ("could not verify", &["could not verify"]),
    ("unverified", &["unverified"]),
    ("unconfirmed", &["unconfirmed"]),
    ("purportedly", &["purportedly"]),
    ("reportedly", &["reportedly"]),
    ("apparently", &["apparently"]),
    ("allegedly", &["allegedly"]),
];

/// Verbs by which an outlet passes words on ("flagged and translated by SITE").
pub const RELAY_VERBS: &[&str] = &[
    "flagged", "translated", "carried", "obtained", "monitored", "published", "aired",
    "broadcast", "distributed", "released", "posted", "circulated", "picked",
];

/// Conjunctions that open a sentence, joining it to the one before: "But the coach
/// admitted ...".
pub const OPENING_CONJUNCTIONS: &[&str] = &["but", "and"];

/// Words that open a clause of concession before the main clause: "Although X said A, Y
/// said B".
pub const CONCESSIVE_OPENERS: &[&str] = &["although", "though", "while", "whereas"];

/// What opens a relative clause that may have a speaker of its own: "..., which the West
/// says ...", "..., in which the mayor said ...".
pub const RELATIVE_SPEECH_OPENERS: &[&str] = &[
    ", which ", ", in which ", " but which ", " and which ", ", whom ",
];

/// Conjunctions that, after a comma, open a clause with a subject of its own: "A happened,
/// and the ministry said ...".
pub const COORDINATORS: &[&str] = &["and", "but"];

/// Words that open a clause inside a sentence whose subject speaks: in "Audience members
/// laughed when he urged voters ...", who urged is what follows "when".
pub const CLAUSE_OPENERS: &[&str] = &[
    "when", "after", "before", "while", "because", "although", "though", "until", "once",
];

/// Words that open a subordinate clause: a sentence opening so is not "X said ...".
pub const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "if", "when", "after", "before", "because", "as", "since",
    "unless", "until", "whether", "once", "where", "but", "and", "or", "so", "it", "there",
    "this", "that", "these", "those", "what", "which",
];

/// Titles that come before a name; with them go the words that qualify them.
pub const TITLE_WORDS: &[&str] = &[
    "president", "vice", "prime", "minister", "secretary", "general", "governor", "gov",
    "gov.", "senator", "sen.", "sen", "representative", "rep.", "mayor", "chief", "executive",
    "officer", "financial", "operating", "director", "deputy", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "envoy", "special", "commander", "trooper", "sergeant",
    "sgt.", "lt.", "captain", "capt.", "colonel", "col.", "lieutenant", "sheriff", "judge",
    "justice", "attorney", "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "head",
    "leader", "king", "queen", "prince", "emir", "sheikh", "dr.", "dr", "mr.", "mr", "mrs.",
    "mrs", "ms.", "ms", "professor", "prof.", "defence", "defense", "foreign", "interior",
    "finance", "senior", "acting", "former", "interim", "assistant", "associate", "managing",
    "secretary-general", "analyst", "economist", "inspector", "superintendent", "commissioner",
    "chancellor", "speaker", "dame", "sir", "lord", "lady", "baroness", "baron", "rev.", "rev",
    "father", "rabbi", "imam", "cardinal", "archbishop", "bishop", "magistrate", "coach",
    "manager", "midfielder", "striker", "defender", "goalkeeper", "forward", "quarterback",
    "transport", "education", "culture", "environment", "home", "shadow", "labour", "treasury",
    "councilmember", "councilman", "councilwoman", "councillor", "councilor", "alderman",
    "alderwoman", "trustee",
];

/// Titles said before a name but not part of the role worth keeping.
pub const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sheikh", "sir", "dame", "lord",
    "lady", "baroness", "baron", "rev.", "rev", "father", "rabbi", "imam", "cardinal",
    "archbishop", "bishop",
];

/// Particles inside Arabic, Dutch, French and other names ("al-Adnani", "van der").
pub const NAME_PARTICLES: &[&str] = &[
    "al", "al-", "el", "el-", "bin", "ibn", "bint", "abu", "umm", "van", "von", "der", "den",
    "de", "da", "di", "du", "la", "le", "dos", "das", "del", "della", "ter", "ten", "st.",
];

/// Words that join the capitalised words of one name: "Bank of England", "Marks and
/// Spencer", "Voice of the People".
pub const NAME_JOINERS: &[&str] = &["of", "and", "the", "for", "&"];

/// Audiences told something, written bare: "told reporters", "told lawmakers".
pub const TOLD_AUDIENCES: &[&str] = &[
    "reporters", "journalists", "lawmakers", "legislators", "senators", "mps", "congress",
    "parliament", "police", "investigators", "prosecutors", "supporters", "students",
    "delegates", "staff", "employees", "colleagues", "viewers", "listeners", "readers",
    "residents", "members", "officials", "parents", "fans", "shareholders", "investors",
    "analysts", "jurors", "voters", "congregants", "worshippers", "crowds", "workers",
    "troops", "diplomats", "donors", "protesters",
];

/// Words that end whom something was told ("told the newspaper on Monday that ...").
pub const TOLD_OBJECT_ENDS: &[&str] = &[
    "that", "in", "on", "by", "when", "without", "after", "he", "she", "they", "it", "we", "i",
    "there",
];

/// Words after a speech verb that go on with the attribution, not the claim: "said in an
/// interview with ...", "said on Monday that ...".
pub const ATTRIBUTION_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "to", "with", "by", "late", "earlier", "last", "when", "while",
    "after", "from", "through", "via", "this", "told",
];

/// Words after ", X said," that go on with the attribution or a new clause, not with the
/// claim the attribution interrupted: "..., he said, according to ...", "..., she said, and
/// added ...".
pub const NOT_CLAIM_GOING_ON: &[&str] = &[
    "according", "citing", "and", "but", "or", "adding", "as", "who", "which", "before", "after",
    "without", "although", "though", "because", "than", "so",
];

/// Pronouns that open a reported clause: "told the newspaper she had ...".
pub const CLAIM_SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "there"];

/// Abbreviations after which a full stop does not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "lt", "col", "capt", "sgt",
    "maj", "st", "jr", "sr", "no", "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb",
    "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "ky", "calif", "fla", "ga", "ill",
    "mass", "mich", "minn", "n.y", "pa", "tenn", "tex", "va", "wash", "wis", "ariz", "colo",
    "conn", "ala", "ark", "del", "ind", "kan", "la", "md", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "vt", "wyo", "a.m", "p.m", "approx", "dept", "est", "fig",
];

/// The days of the week, and words for days near them, as a time after a speech verb says
/// ("said Tuesday").
pub const DAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "today", "tonight",
];

/// The months, capitalised in copy but naming no one.
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// Nouns that make a capitalised run an institution's name rather than a person's.
pub const INSTITUTION_WORDS: &[&str] = &[
    "agency", "ministry", "council", "commission", "group", "police", "department", "bank",
    "service", "office", "house", "nations", "union", "party", "army", "brigades", "court",
    "university", "school", "district", "securities", "cross", "government", "committee",
    "authority", "institute", "association", "company", "corporation", "inc", "ltd", "forces",
    "force", "guard", "administration", "embassy", "organization", "organisation",
    "foundation", "fund", "board", "league", "front", "movement", "state", "kredit",
    "ministries", "church", "hospital", "parliament", "congress", "senate", "pentagon",
    "kremlin", "fbi", "cia", "nato", "who", "unicef", "unhcr", "ngo", "club", "team",
    "library", "museum", "airport", "station", "center", "centre", "clinic", "systems",
];

/// Words that open a lead-in phrase before the sentence's subject ("Speaking on BBC Radio
/// 4,", "In a statement,", "Reached by phone Tuesday,").
pub const LEADS: &[&str] = &[
    "in",
    "on",
    "at",
    "speaking",
    "later",
    "during",
    "asked",
    "earlier",
    "meanwhile",
    "separately",
    "writing",
    "interviewed",
    "talking",
    "appearing",
    "addressing",
    "reached",
    "contacted",
    "responding",
    "afterwards",
    "afterward",
    "for",
    "after",
    "before",
    "elsewhere",
];

/// Words that open a sentence, set off by a comma, rather than name anyone: "However, a
/// spokesperson said ...".
pub const SENTENCE_ADVERBS: &[&str] = &[
    "however", "meanwhile", "still", "separately", "earlier", "later", "previously",
    "additionally", "also", "instead", "nonetheless", "nevertheless", "moreover",
    "furthermore", "critically", "importantly", "notably", "similarly", "likewise", "indeed",
    "yesterday", "today", "tonight", "overnight", "now", "then", "elsewhere", "finally",
    "initially", "ultimately", "subsequently", "again", "yet", "but", "and", "so", "thus",
    "otherwise", "regardless", "recently", "last", "next",
];

/// Speech verbs' -s forms that are never plural nouns: "which the West says is ...".
pub const ONLY_VERBS: &[&str] = &[
    "says", "tells", "adds", "insists", "argues", "explains", "acknowledges", "admits",
    "maintains", "asserts", "warns", "writes", "contends", "concedes",
];

/// Words after a speech verb's -s form that make it a plural noun: "The United States has
/// ...", "the claims of ...".
pub const NOUN_FOLLOWERS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "to", "of", "and", "or",
    "in", "on", "by", "for", "from", "about", "against",
];

/// Words before a speech verb's -s form that make it a plural noun: "the reports", "their
/// claims", "such estimates".
pub const NOUN_DETERMINERS: &[&str] = &[
    "the", "these", "those", "their", "its", "his", "her", "our", "such", "many", "some",
    "several", "two", "three", "other", "earlier", "recent", "new", "media", "news", "united",
    "member", "arab", "gulf",
];

/// Words that say when something was said: "said last night", "told reporters on Monday".
pub const TIME_WORDS: &[&str] = &[
    "last", "night", "yesterday", "today", "tonight", "earlier", "later", "this", "morning",
    "afternoon", "evening", "week", "month", "year", "on", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "weekend", "recently", "previously", "then",
];

/// Words a subject opens with when no one is speaking: "No group has claimed ...".
pub const NOBODY: &[&str] = &["no", "nobody", "none", "neither", "nor", "never"];

/// Participles that report what a document said: "a statement warning that ...".
pub const SPEECH_PARTICIPLES: &[&str] = &[
    "saying", "warning", "stating", "claiming", "insisting", "arguing", "announcing",
    "urging", "calling", "accusing", "denying", "confirming",
];

/// Articles, which a phrase may open with.
pub const ARTICLES: &[&str] = &["a", "an", "the"];

/// Articles that introduce something new: "a draft text seen by AFP".
pub const INDEFINITE_ARTICLES: &[&str] = &["a", "an"];

/// Words before a medium that tell whether it is new or referred back to.
pub const MEDIUM_DETERMINERS: &[&str] = &["a", "an", "another", "the", "its", "this", "that"];

/// Pronouns that open a relative clause: "X, which said ...", "officials who spoke ...".
pub const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "whose"];

/// Pronouns whose gender the copy settles for a speaker.
pub const GENDERED_PRONOUNS: &[&str] = &["he", "she"];

/// Speech verbs whose speaker may follow them: "..., said X, a spokeswoman".
pub const INVERTING_VERBS: &[&str] = &[
    "said", "says", "added", "adds", "wrote", "writes", "asked", "reports", "notes",
];

/// The verb "tell", after which comes whom it was told.
pub const TELL_VERBS: &[&str] = &["told", "tells", "tell"];

/// Words that make a clause finite, so a phrase holding one is not just a name: after
/// ", said", "the group had received ..." is what was said, not who said it.
pub const FINITE_WORDS: &[&str] = &[
    "that", "had", "has", "have", "was", "were", "is", "are", "would", "will", "could",
    "should", "did", "does", "do", "can", "may", "might", "must", "he", "she", "they", "it",
    "we", "i",
];

/// Words that open a description of the speaker after their name: "said Ana Ortiz, a
/// spokeswoman ...", "..., who ...".
pub const APPOSITIVE_OPENERS: &[&str] = &["a", "an", "the", "who", "whose", "which"];

/// Forms of "be" that make a verb after them passive: "was said to be".
pub const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];

/// Prepositions a speaker's noun phrase cannot open with ("For small island states ...").
pub const SUBJECT_PREPOSITIONS: &[&str] = &[
    "for", "in", "on", "at", "with", "by", "from", "of", "to", "despite", "amid", "without",
    "against", "among", "through", "under",
];

/// Modal verbs, which a speaker's noun phrase never holds.
pub const MODALS: &[&str] = &[
    "could", "would", "should", "can", "cannot", "will", "may", "might", "must", "did", "does",
];

/// Words after a lead word that make it a quantity, not a lead-in: "At least 11 people ...".
pub const QUANTITY_WORDS: &[&str] = &["least", "most", "all", "first", "last"];

/// Words that make a lead-in phrase part of the attribution: "Speaking on BBC Radio 4's
/// Today programme,", "In a statement,".
pub const ATTRIBUTIVE_LEAD_WORDS: &[&str] = &[
    "interview", "statement", "speaking", "asked", "programme", "radio", "television",
];

/// Prepositions before the owner of a medium: "a video on the group's channel".
pub const OWNER_PREPOSITIONS: &[&str] = &["on", "in", "at", "from", "by"];

/// What comes between a source and the outlet that passed it on: "sources cited by the
/// paper", "a witness quoted by the agency".
pub const CITED_BY: &[&str] = &[" cited by ", " quoted by "];

/// Words that end the name of a document that is the source: "court documents seen by
/// Reuters" is "court documents".
pub const DOCUMENT_SOURCE_ENDS: &[&str] = &[
    "seen", "obtained", "reviewed", "shared", "published", "on", "from",
];

/// Words that end a document named as a sentence's subject: "The study, published in The
/// Lancet," is "study".
pub const DOCUMENT_SUBJECT_ENDS: &[&str] = &[
    "seen", "obtained", "reviewed", "published", "released", "issued", "by", "on",
];

/// Verbs of making a medium, after which "by" names its author: "published on Monday by X",
/// not "seen by the Guardian".
pub const MEDIUM_AUTHORING: &[&str] = &[
    "posted", "published", "released", "issued", "written", "sent", "signed", "filed",
    "compiled", "prepared", "made", "recorded", "produced", "put",
];

/// Phrases that say whom a medium came from: "attributed to the group's leader", "from the
/// spokesman".
pub const MEDIUM_SOURCE_CUES: &[&str] = &["attributed to ", "from "];

/// Where the name of a medium's source ends.
pub const MEDIUM_SOURCE_ENDS: &[&str] = &[
    " - ", " – ", ", and ", " and ", ", which", " which ", " on ", " in ", " late ",
];

/// Verbs of making a document, after which comes who made it: "the district filed a
/// lawsuit", "a report published by the agency".
pub const DOCUMENT_AUTHORING: &[&str] = &[
    "filed", "issued", "published", "released", "sent", "wrote", "brought", "lodged",
];

/// Words the copy capitalises that name no one: pronouns, articles, abbreviations.
pub const NOT_PROPER_NOUNS: &[&str] = &[
    "the", "a", "an", "i", "he", "she", "it", "we", "they", "u.s.", "u.n.",
];

/// Particles of a surname written as a word of its own: "Mohammed bin Salman".
pub const SURNAME_PARTICLES: &[&str] = &["bin", "ibn", "van", "von", "de", "da"];

/// Arabic articles joined to a surname: "al-Adnani" is "Adnani".
pub const JOINED_ARTICLES: &[&str] = &["al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-"];

/// Particles joined to a name: "al-Rawi", "bin-Laden".
pub const JOINED_PARTICLES: &[&str] = &["al-", "el-", "bin-", "abu-"];

/// Lower-case words that may follow a name and still belong to a phrase about it: "Daniel
/// Okafor of the ...".
pub const NAME_CONTINUERS: &[&str] = &["of", "and", "in", "at", "for", "from", "with"];

/// Prepositions that part a role from an affiliation: "a spokeswoman for the Red Cross".
pub const AFFILIATION_PREPOSITIONS: &[&str] = &[" for ", " at ", " with ", " of "];

/// Heads that are plural without an s: "people", "media".
pub const PLURAL_HEADS: &[&str] = &["people", "many", "some", "media"];

/// Dashes that end a dateline: "WARSAW, March 3 (Reuters) - ".
pub const DATELINE_DASHES: &[&str] = &[" -- ", " - ", " — ", " – "];

/// Words capitalised at the head of a sentence or a description, not names.
pub const NOT_OUTLET_NAMES: &[&str] = &[
    "state", "local", "business", "national", "regional", "public", "private", "independent",
    "british", "french", "american", "russian", "chinese", "iranian", "israeli", "turkish",
];

/// Words that make an outlet's name, or the words near it, a radio or television one.
pub const RADIO_WORDS: &[&str] = &["radio", "programme", "program"];
pub const TELEVISION_WORDS: &[&str] = &["television", "tv", "channel"];
