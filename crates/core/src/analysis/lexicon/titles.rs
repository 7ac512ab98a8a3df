//! Titles and roles ("President", "Secretary of State", "Sen.", "spokeswoman")
//! and the cue words of organisation names ("Department", "Inc.", "University").

use super::table::{FastSet, PhraseTable, rows};

/// What kind of title or role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TitleKind {
    /// Mr., Mrs., Ms., Sir, Dame, Sheikh.
    Honorific,
    /// Dr., Prof., researcher.
    Academic,
    /// President, Prime Minister, Sen., Gov., Mayor, King, spokeswoman.
    Political,
    /// Judge, Justice, prosecutor, Sheriff, Det.
    Judicial,
    /// Gen., Lt. Col., Adm., Sgt.
    Military,
    /// Pope, Rev., Rabbi, Imam.
    Religious,
    /// CEO, chief executive, director, editor, coach.
    Job,
}

impl TitleKind {
    const ALL: [TitleKind; 7] = [
        TitleKind::Honorific,
        TitleKind::Academic,
        TitleKind::Political,
        TitleKind::Judicial,
        TitleKind::Military,
        TitleKind::Religious,
        TitleKind::Job,
    ];

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "honorific" => TitleKind::Honorific,
            "academic" => TitleKind::Academic,
            "political" => TitleKind::Political,
            "judicial" => TitleKind::Judicial,
            "military" => TitleKind::Military,
            "religious" => TitleKind::Religious,
            "job" => TitleKind::Job,
            _ => return None,
        })
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A title phrase: its kinds (one phrase can be several: `Sheikh`), and
/// whether it takes an object (`Minister of`, `head of`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Title {
    kinds: u8,
    /// Ends in "of"/"for": the organisation or domain follows (`Minister of Defence`).
    pub takes_object: bool,
}

impl Title {
    pub fn is(&self, kind: TitleKind) -> bool {
        self.kinds & kind.bit() != 0
    }

    pub fn kinds(&self) -> impl Iterator<Item = TitleKind> + '_ {
        TitleKind::ALL.into_iter().filter(|k| self.is(*k))
    }

    /// An honorific alone says little about the role (`Mr.`, `Ms.`).
    pub fn is_only_honorific(&self) -> bool {
        self.kinds == TitleKind::Honorific.bit()
    }
}

/// Where a cue word stands in an organisation name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CuePosition {
    /// Ends the name: `Acme Inc.`, `The New York Times`.
    Last,
    /// Starts or ends it: `Department of Defense`, `State Department`.
    Any,
}

/// What an organisation cue word suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrgCue {
    pub position: CuePosition,
    /// company, finance, government, education, political, civil, media.
    pub category: &'static str,
}

pub(crate) struct Titles {
    pub(crate) titles: PhraseTable<Title>,
    pub(crate) org_cues: PhraseTable<OrgCue>,
}

impl Titles {
    /// The last words of the titles: the text after a title's last space,
    /// and the endings of it that begin at an apostrophe (a clitic is joined
    /// to the word before it: `'s`).
    pub(crate) fn endings(&self) -> FastSet<String> {
        self.titles
            .phrases()
            .flat_map(|key| {
                let last = key.rsplit(' ').next().unwrap_or(key);
                std::iter::once(last).chain(last.match_indices('\'').map(move |(i, _)| &last[i..]))
            })
            .map(str::to_string)
            .collect()
    }

    pub(crate) fn load() -> Self {
        let mut titles = PhraseTable::new(true);
        for cols in rows(include_str!("../../../../../assets/lexicon/titles.tsv")) {
            let (Some(phrase), Some(kind)) =
                (cols.first(), cols.get(1).and_then(|k| TitleKind::parse(k)))
            else {
                continue;
            };
            let takes_object = phrase.ends_with(" of") || phrase.ends_with(" for");
            let title = Title {
                kinds: kind.bit(),
                takes_object,
            };
            titles.upsert(phrase, title, |old, new| old.kinds |= new.kinds);
        }
        let mut org_cues = PhraseTable::new(false);
        for cols in rows(include_str!("../../../../../assets/lexicon/org_cues.tsv")) {
            let (Some(word), Some(position), Some(category)) =
                (cols.first(), cols.get(1), cols.get(2))
            else {
                continue;
            };
            let position = if *position == "last" {
                CuePosition::Last
            } else {
                CuePosition::Any
            };
            org_cues.upsert(word, OrgCue { position, category }, |_, _| {});
        }
        Titles { titles, org_cues }
    }
}
