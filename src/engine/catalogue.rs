//! Shared text that every scenario uses: the red-flag (trick) catalogue and the
//! advice catalogue (the right action and the numbers to call, per region).
//!
//! Both are TOML files in `assets/catalogue/`, embedded in the binary. A folder
//! given with `--scenarios DIR` may hold its own `red-flags.toml` or `advice.toml`
//! to replace them (a region or a charity changes a number in one place).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::sanitize;

/// The built-in red-flag catalogue (`assets/catalogue/red-flags.toml`), in English, embedded at build time.
pub const BUILTIN_RED_FLAGS: &str = include_str!("../../assets/catalogue/red-flags.toml");
/// The built-in advice catalogue (`assets/catalogue/advice.toml`), in English, embedded at build time.
pub const BUILTIN_ADVICE: &str = include_str!("../../assets/catalogue/advice.toml");

/// The red-flag catalogue: every trick a scammer uses, as read from `red-flags.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlags {
    /// Every trick, in file order, one per `[[flag]]` table.
    #[serde(rename = "flag")]
    pub flags: Vec<RedFlag>,
}

/// One trick a scammer uses (a `[[flag]]` table), named by scenarios through its `id`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    /// The trick's id, as scenarios name it: lower-case words joined by `-`, e.g. `fake-authority`.
    pub id: String,
    /// Short name, e.g. "Fake authority".
    pub name: String,
    /// One line that explains the trick.
    pub explain: String,
}

/// The advice catalogue, as read from `advice.toml`: the regions, the numbers to call and the advice steps.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// The region id used when none is asked for or the one asked for is unknown (`ewni` in the built-in file); must be one of `regions`.
    pub default_region: String,
    /// Every region, one per `[[region]]` table, in file order.
    #[serde(rename = "region")]
    pub regions: Vec<Region>,
    /// Every number to call, one per `[[number]]` table, in the order the help card and handout show them.
    #[serde(rename = "number")]
    pub numbers: Vec<Number>,
    /// Every advice step, one per `[[advice]]` table, in file order.
    #[serde(rename = "advice")]
    pub steps: Vec<AdviceStep>,
}

/// A part of the UK whose numbers or wording differ (a `[[region]]` table).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// The region's id, as given with `--region` and in `regions = { ... }` tables, e.g. `ewni` or `scotland`.
    pub id: String,
    /// The region's name for people, e.g. "England, Wales and Northern Ireland".
    pub name: String,
}

/// A number to call (a `[[number]]` table), with what it is for; facts from `shared/reference/uk-scam-facts.md`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Number {
    /// The number's id, e.g. `bank` or `report`, used to find it in code and tests.
    pub id: String,
    /// The number as dialled and shown, with spaces, e.g. "0300 123 2040" (the default region's number).
    pub number: String,
    /// What the number is for, in one plain sentence (the default region's wording).
    pub what: String,
    /// Different wording of `what` for a region.
    #[serde(default)]
    pub regions: BTreeMap<String, String>,
    /// A different number for a region.
    #[serde(default)]
    pub number_regions: BTreeMap<String, String>,
    /// Regions where this number is not listed: another line says it there
    /// (in Scotland, Police Scotland on 101 is also where to report a scam).
    #[serde(default)]
    pub not_in: Vec<String>,
}

/// One advice step (an `[[advice]]` table), such as "hang up", shared by every ending, the help card and the handouts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceStep {
    /// The step's id, e.g. `hang-up` or `call-bank`, as endings name it.
    pub id: String,
    /// The step's words in the default region.
    pub text: String,
    /// Different wording of `text` for a region, keyed by region id.
    #[serde(default)]
    pub regions: BTreeMap<String, String>,
    /// In a region, this step is left out of a list that also has the step
    /// named here, which says it there: `left_out_with = { scotland =
    /// "call-police" }` (Police Scotland on 101 takes the report too).
    #[serde(default)]
    pub left_out_with: BTreeMap<String, String>,
}

/// Both catalogues, ready to look things up in.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// The red-flag catalogue.
    pub red_flags: RedFlags,
    /// The advice catalogue.
    pub advice: Advice,
}

/// A number to call, in the words of one region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLine {
    /// The number's id from the catalogue, e.g. `bank`.
    pub id: String,
    /// The number to dial for this region, sanitised, with spaces, e.g. "159".
    pub number: String,
    /// What the number is for, in this region's words, sanitised.
    pub what: String,
}

/// Why a catalogue could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// A catalogue file is not valid TOML, has a wrong or unknown key, or
    /// its `default_region` is not one of its regions.
    #[error("{file}: {message}")]
    Invalid {
        /// Which file, e.g. "built-in advice.toml" or "DIR advice.toml".
        file: String,
        /// What is wrong, on one line (the TOML parser's words where it found the fault).
        message: String,
    },
}

impl Catalogue {
    /// The catalogues built into the program, in the current language (see `crate::i18n`).
    pub fn builtin() -> Self {
        Self::builtin_in(crate::i18n::current())
    }

    /// The built-in catalogues in `language` (English words where a
    /// translation is missing or out of date).
    pub fn builtin_in(language: crate::i18n::Language) -> Self {
        use super::translate::builtin_in;
        let flags = builtin_in(
            "assets/catalogue/red-flags.toml",
            BUILTIN_RED_FLAGS,
            language,
        );
        let advice = builtin_in("assets/catalogue/advice.toml", BUILTIN_ADVICE, language);
        // A translation that does not parse falls back to English. The
        // English files are part of the program, not user input, and the test
        // `builtin_catalogue_is_whole` parses them: a broken one fails
        // `cargo test` rather than quietly giving a catalogue with no numbers.
        #[allow(clippy::expect_used)]
        Self::parse(&flags, &advice, "built-in")
            .or_else(|_| Self::parse(BUILTIN_RED_FLAGS, BUILTIN_ADVICE, "built-in"))
            .expect("the built-in catalogue parses (tested by builtin_catalogue_is_whole)")
    }

    /// Parse both catalogues from text; errors name the file in plain words.
    pub fn parse(red_flags: &str, advice: &str, origin: &str) -> Result<Self, CatalogueError> {
        let red_flags: RedFlags =
            toml::from_str(red_flags).map_err(|e| CatalogueError::Invalid {
                file: format!("{origin} red-flags.toml"),
                message: one_line(&e.to_string()),
            })?;
        let advice: Advice = toml::from_str(advice).map_err(|e| CatalogueError::Invalid {
            file: format!("{origin} advice.toml"),
            message: one_line(&e.to_string()),
        })?;
        let catalogue = Self { red_flags, advice };
        if !catalogue.has_region(&catalogue.advice.default_region) {
            return Err(CatalogueError::Invalid {
                file: format!("{origin} advice.toml"),
                message: format!(
                    "default_region \"{}\" is not one of the [[region]] ids",
                    catalogue.advice.default_region
                ),
            });
        }
        Ok(catalogue)
    }

    /// The red flag with this id, if the catalogue has one.
    pub fn red_flag(&self, id: &str) -> Option<&RedFlag> {
        self.red_flags.flags.iter().find(|f| f.id == id)
    }

    /// The advice step with this id, if the catalogue has one.
    pub fn advice_step(&self, id: &str) -> Option<&AdviceStep> {
        self.advice.steps.iter().find(|a| a.id == id)
    }

    /// Whether `id` is one of the catalogue's region ids.
    pub fn has_region(&self, id: &str) -> bool {
        self.advice.regions.iter().any(|r| r.id == id)
    }

    /// Every region id, in catalogue order (for `--region` help and error messages).
    pub fn region_ids(&self) -> Vec<&str> {
        self.advice.regions.iter().map(|r| r.id.as_str()).collect()
    }

    /// Pick a region: the one asked for if it exists, else the default.
    pub fn region<'a>(&'a self, wanted: Option<&'a str>) -> &'a str {
        match wanted {
            Some(w) if self.has_region(w) => w,
            _ => &self.advice.default_region,
        }
    }

    /// The name for people of the region with id `region`, or `region` itself if it is unknown.
    pub fn region_name<'a>(&'a self, region: &'a str) -> &'a str {
        self.advice
            .regions
            .iter()
            .find(|r| r.id == region)
            .map_or(region, |r| r.name.as_str())
    }

    /// An advice step's words for a region (sanitised).
    pub fn advice_text(&self, id: &str, region: &str) -> Option<String> {
        self.advice_step(id)
            .map(|a| sanitize(a.regions.get(region).unwrap_or(&a.text)))
    }

    /// The words of the advice steps `ids`, in order, for a region (unknown
    /// ids are left out). A step that another step of the list says in
    /// this region is left out (see [`AdviceStep::left_out_with`]), so no
    /// number is given twice.
    pub fn advice_texts(&self, ids: &[&str], region: &str) -> Vec<String> {
        ids.iter()
            .filter(|id| {
                !self.advice_step(id).is_some_and(|a| {
                    a.left_out_with
                        .get(region)
                        .is_some_and(|with| ids.contains(&with.as_str()))
                })
            })
            .filter_map(|id| self.advice_text(id, region))
            .collect()
    }

    /// Every number to call, in the words of a region, in catalogue order
    /// (without those another line says there: [`Number::not_in`]).
    pub fn numbers(&self, region: &str) -> Vec<NumberLine> {
        self.advice
            .numbers
            .iter()
            .filter(|n| !n.not_in.iter().any(|r| r == region))
            .map(|n| NumberLine {
                id: n.id.clone(),
                number: sanitize(n.number_regions.get(region).unwrap_or(&n.number)),
                what: sanitize(n.regions.get(region).unwrap_or(&n.what)),
            })
            .collect()
    }

    /// The habit that beats every phone scam, for the help card.
    pub fn core_action(&self, region: &str) -> Vec<String> {
        self.advice_texts(
            &[
                "hang-up",
                "clear-line",
                "call-police",
                "call-bank",
                "report",
            ],
            region,
        )
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
