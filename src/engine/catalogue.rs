//! Shared text that every scenario uses: the red-flag (trick) catalogue and the
//! advice catalogue (the right action and the numbers to call, per region).
//!
//! Both are TOML files in `assets/catalogue/`, embedded in the binary. A folder
//! given with `--scenarios DIR` may hold its own `red-flags.toml` or `advice.toml`
//! to replace them (a region or a charity changes a number in one place).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::sanitize;

pub const BUILTIN_RED_FLAGS: &str = include_str!("../../assets/catalogue/red-flags.toml");
pub const BUILTIN_ADVICE: &str = include_str!("../../assets/catalogue/advice.toml");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlags {
    #[serde(rename = "flag")]
    pub flags: Vec<RedFlag>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    pub id: String,
    /// Short name, e.g. "Fake authority".
    pub name: String,
    /// One line that explains the trick.
    pub explain: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub default_region: String,
    #[serde(rename = "region")]
    pub regions: Vec<Region>,
    #[serde(rename = "number")]
    pub numbers: Vec<Number>,
    #[serde(rename = "advice")]
    pub steps: Vec<AdviceStep>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Number {
    pub id: String,
    pub number: String,
    pub what: String,
    /// Different wording of `what` for a region.
    #[serde(default)]
    pub regions: BTreeMap<String, String>,
    /// A different number for a region.
    #[serde(default)]
    pub number_regions: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceStep {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub regions: BTreeMap<String, String>,
}

/// Both catalogues, ready to look things up in.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub red_flags: RedFlags,
    pub advice: Advice,
}

/// A number to call, in the words of one region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberLine {
    pub id: String,
    pub number: String,
    pub what: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
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

    pub fn red_flag(&self, id: &str) -> Option<&RedFlag> {
        self.red_flags.flags.iter().find(|f| f.id == id)
    }

    pub fn advice_step(&self, id: &str) -> Option<&AdviceStep> {
        self.advice.steps.iter().find(|a| a.id == id)
    }

    pub fn has_region(&self, id: &str) -> bool {
        self.advice.regions.iter().any(|r| r.id == id)
    }

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

    /// Every number to call, in the words of a region, in catalogue order.
    pub fn numbers(&self, region: &str) -> Vec<NumberLine> {
        self.advice
            .numbers
            .iter()
            .map(|n| NumberLine {
                id: n.id.clone(),
                number: sanitize(n.number_regions.get(region).unwrap_or(&n.number)),
                what: sanitize(n.regions.get(region).unwrap_or(&n.what)),
            })
            .collect()
    }

    /// The habit that beats every phone scam, for the help card.
    pub fn core_action(&self, region: &str) -> Vec<String> {
        [
            "hang-up",
            "clear-line",
            "call-police",
            "call-bank",
            "report",
        ]
        .iter()
        .filter_map(|id| self.advice_text(id, region))
        .collect()
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_is_whole() {
        let c = Catalogue::builtin();
        assert!(!c.red_flags.flags.is_empty(), "no red flags");
        assert!(!c.advice.regions.is_empty(), "no regions");
        assert!(!c.advice.numbers.is_empty(), "no numbers");
        assert!(!c.advice.steps.is_empty(), "no advice");
        assert!(c.has_region(&c.advice.default_region));
    }

    #[test]
    fn builtin_catalogues_parse() {
        let c = Catalogue::parse(BUILTIN_RED_FLAGS, BUILTIN_ADVICE, "built-in")
            .expect("built-in catalogues must parse");
        assert!(c.red_flag("fake-authority").is_some());
        assert!(c.has_region("scotland"));
        assert_eq!(c.core_action("ewni").len(), 5);
    }

    #[test]
    fn region_changes_numbers() {
        let c = Catalogue::builtin();
        let ewni = c.numbers("ewni");
        let scot = c.numbers("scotland");
        let report = |v: &[NumberLine]| {
            v.iter()
                .find(|n| n.id == "report")
                .map(|n| n.number.clone())
                .unwrap_or_default()
        };
        assert_eq!(report(&ewni), "0300 123 2040");
        assert_eq!(report(&scot), "101");
        assert!(
            c.advice_text("report", "scotland")
                .unwrap_or_default()
                .contains("Police Scotland")
        );
    }

    #[test]
    fn unknown_region_falls_back_to_default() {
        let c = Catalogue::builtin();
        assert_eq!(c.region(Some("atlantis")), "ewni");
        assert_eq!(c.region(Some("scotland")), "scotland");
    }
}
