//! The vocabulary prose is drawn from: function words, content words (a listed core of
//! common English words, hyphenated compounds, and a few thousand generated words), and
//! proper nouns, each sampled with a Zipf-like law so that a few words are everywhere and
//! most are rare, as in real text (this is what makes IDF weighting matter).
//!
//! The vocabulary is the same for every seed (it is built from a fixed internal seed); its
//! size grows with the document's, by Heaps' law.

use super::rng::Rng;

/// Function words, roughly in order of frequency in English prose.
const FUNCTION: &str = "\
the of and to in a that is for on with as by be it are was this which at from or its \
their an not have has were been also all these such other would should they more between \
into can may under through well both those each within while any only there them than \
most however where whether without including against among because since so must further \
particularly upon over who could had no some what when during towards before after about \
therefore thus rather many several same own very often already still yet either neither \
nor although unless once whose here per via across along beyond above below until \
whereas hence";

/// A listed core of common content words (nouns, verbs, adjectives, adverbs), the most
/// frequent ranks of the content vocabulary.
const CONTENT: &str = "\
committee report states council assistance cooperation development programme national \
international support rights resolution session provide group capacity technical \
training implementation process countries system government public work policy order \
view information request activities members institutions organizations framework \
standards experts general specific regional social economic local relevant \
recommendations efforts measures access protection promotion field role level areas need \
needs important established requested noted stressed considered adopted submitted ensure \
promote strengthen develop concerned particular various effective necessary practical \
legal financial political independent different new first second main common broad fund \
funds project projects agency agencies office secretariat mandate mechanism mechanisms \
dialogue consultation consent priorities partners stakeholders community communities \
society civil judiciary justice legislation law laws obligations principles concept term \
approach approaches practice practices results outcome outcomes review assessment \
evaluation monitoring reporting delegation advice services resources skills knowledge \
gaps challenges risks benefits interest interests basis context purpose scope objective \
objectives responsibility solidarity sovereignty equality participation dignity \
education health employment environment agriculture water housing security peace trade \
finance investment budget contribution contributions donors recipients beneficiaries \
partnership partnerships network networks platform forum meeting meetings conference \
workshop seminar mission missions visit visits study survey analysis data evidence \
indicators guidelines manual handbook decision declaration convention treaty charter \
annex paragraph chapter section article document documents submission submissions \
response responses replies input proposal proposals draft text language definition \
meaning understanding recognition respect observance fulfilment enjoyment realization \
protection prevention accountability transparency integrity efficiency sustainability \
ownership leadership governance administration management planning coordination \
cooperate contribute consider recommend invite encourage welcome acknowledge emphasize \
recall reaffirm note observe indicate suggest propose address identify assess improve \
expand build maintain enable facilitate adapt apply share receive prepare organize \
conduct finance allocate report describe explain define clarify interpret limited \
sufficient significant substantial key essential fundamental comprehensive constructive \
mutual beneficial voluntary universal periodic annual current previous future recent \
long short early late clear open closely fully directly increasingly widely generally \
notably mainly largely jointly regularly effectively consistently women children persons \
youth migrants minorities officials staff judges police teachers journalists defenders \
victims workers families citizens authorities ministries parliament courts schools \
hospitals prisons elections";

/// Hyphenated compounds: real compound hyphens, which a PDF repairer must keep when a line
/// break falls on them.
const COMPOUNDS: &str = "\
capacity-building decision-making follow-up non-governmental long-term short-term \
well-being country-specific evidence-based multi-stakeholder cross-border high-level \
low-income middle-income policy-making cost-effective self-determination peer-to-peer \
rights-based region-wide co-operation post-conflict gender-sensitive time-bound \
results-oriented demand-driven large-scale small-scale community-based in-depth";

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "pr", "tr", "st", "gr", "br",
    "", "",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "a", "e", "i", "o", "ea", "io"];
const CODAS: &[&str] = &["", "", "", "", "n", "r", "l", "s", "t", "m", "nt"];
const SUFFIXES: &[&str] = &[
    "", "tion", "ment", "ity", "al", "ive", "ing", "ed", "ance", "ism", "ure", "ory", "er",
];
const NAME_ENDINGS: &[&str] = &[
    "ia", "land", "stan", "or", "ova", "ez", "ane", "ida", "ur", "el",
];

/// Fewest generated content words after the listed ones.
pub(crate) const MIN_INVENTED: usize = 3000;
/// Heaps' law `V = K·N^β` for the vocabulary of a text of `N` words: `K = 30`, `β = 0.5`
/// are typical of English prose. A large document has a large vocabulary; keeping it fixed
/// would make a 100,000-paragraph pair unnaturally repetitive (every rare word common).
const HEAPS_K: f64 = 30.0;
/// Words in an average generated paragraph (3.5 sentences of 19 words).
const WORDS_PER_PARAGRAPH: f64 = 66.0;

/// Generated content words for a document of `paragraphs` paragraphs, by Heaps' law.
pub(crate) fn invented_for(paragraphs: usize) -> usize {
    let heaps = HEAPS_K * (paragraphs as f64 * WORDS_PER_PARAGRAPH).sqrt();
    (heaps as usize).max(MIN_INVENTED)
}
/// Number of generated proper nouns (countries, persons, places).
const GENERATED_NAMES: usize = 400;
/// Zipf exponent of content words: a little above 1, as measured on English text.
const CONTENT_ZIPF: f64 = 1.05;
/// Rank offset of content words, flattening the very top (Mandelbrot's correction).
const CONTENT_OFFSET: f64 = 8.0;

/// The word lists and their samplers.
#[derive(Debug)]
pub(crate) struct Vocab {
    /// Function words.
    pub(crate) function: Vec<String>,
    /// Content words, most frequent first.
    pub(crate) content: Vec<String>,
    /// Proper nouns.
    pub(crate) names: Vec<String>,
    /// Content words at ranks below this are real words (listed or compounds).
    pub(crate) listed: usize,
    function_cdf: Vec<f64>,
    content_cdf: Vec<f64>,
    names_cdf: Vec<f64>,
}

impl Vocab {
    /// Builds the (seed-independent) vocabulary with `invented` generated content words.
    pub(crate) fn new(invented: usize) -> Vocab {
        let mut rng = Rng::new(0x005E_EDF0_D0C5);
        let function: Vec<String> = FUNCTION.split_whitespace().map(str::to_string).collect();
        let mut content: Vec<String> = Vec::new();
        let mut seen: std::collections::BTreeSet<String> = function.iter().cloned().collect();
        for w in CONTENT.split_whitespace() {
            if seen.insert(w.to_string()) {
                content.push(w.to_string());
            }
        }
        // Compounds among the listed words, spread over the upper ranks.
        for (i, c) in COMPOUNDS.split_whitespace().enumerate() {
            let at = (40 + i * 11).min(content.len());
            content.insert(at, c.to_string());
            seen.insert(c.to_string());
        }
        let listed = content.len();
        while content.len() < listed + invented {
            let w = invent_word(&mut rng);
            if (4..=12).contains(&w.len()) && seen.insert(w.clone()) {
                content.push(w);
            }
        }
        let mut names = Vec::new();
        while names.len() < GENERATED_NAMES {
            let mut w = String::new();
            for _ in 0..rng.range(1, 2) {
                w.push_str(rng.pick::<&str>(ONSETS));
                w.push_str(rng.pick::<&str>(VOWELS));
                w.push_str(rng.pick::<&str>(CODAS));
            }
            w.push_str(rng.pick::<&str>(NAME_ENDINGS));
            let mut chars = w.chars();
            let cap: String = match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => continue,
            };
            if cap.len() >= 4 && seen.insert(cap.clone()) {
                names.push(cap);
            }
        }
        Vocab {
            listed,
            function_cdf: cdf(function.len(), 1.0, 1.5),
            content_cdf: cdf(content.len(), CONTENT_ZIPF, CONTENT_OFFSET),
            names_cdf: cdf(names.len(), 1.0, 3.0),
            function,
            content,
            names,
        }
    }

    /// A function word index.
    pub(crate) fn function_word(&self, rng: &mut Rng) -> u32 {
        sample(&self.function_cdf, rng)
    }

    /// A content word index.
    pub(crate) fn content_word(&self, rng: &mut Rng) -> u32 {
        sample(&self.content_cdf, rng)
    }

    /// A proper noun index.
    pub(crate) fn name(&self, rng: &mut Rng) -> u32 {
        sample(&self.names_cdf, rng)
    }

    /// The index of a listed content word.
    pub(crate) fn content_index(&self, word: &str) -> u32 {
        self.content
            .iter()
            .position(|w| w == word)
            .expect("listed content word") as u32
    }
}

/// A pronounceable invented word of 1–2 syllables and most often a suffix.
fn invent_word(rng: &mut Rng) -> String {
    let mut w = String::new();
    for _ in 0..rng.range(1, 2) {
        w.push_str(rng.pick::<&str>(ONSETS));
        w.push_str(rng.pick::<&str>(VOWELS));
        w.push_str(rng.pick::<&str>(CODAS));
    }
    w.push_str(rng.pick::<&str>(SUFFIXES));
    w
}

/// The cumulative distribution of `weight(r) = 1 / (r + offset)^s` over `n` ranks.
fn cdf(n: usize, s: f64, offset: f64) -> Vec<f64> {
    let mut acc = 0.0;
    let mut out: Vec<f64> = (0..n)
        .map(|r| {
            acc += 1.0 / (r as f64 + offset).powf(s);
            acc
        })
        .collect();
    for x in &mut out {
        *x /= acc;
    }
    out
}

/// A rank drawn from a cumulative distribution.
fn sample(cdf: &[f64], rng: &mut Rng) -> u32 {
    let u = rng.unit();
    cdf.partition_point(|&c| c <= u).min(cdf.len() - 1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_is_distinct_and_sized() {
        let v = Vocab::new(MIN_INVENTED);
        let mut all: Vec<&String> = v
            .function
            .iter()
            .chain(&v.content)
            .chain(&v.names)
            .collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "no word is in two lists");
        assert!(v.content.len() >= 3000);
    }

    #[test]
    fn zipf_favours_low_ranks() {
        let v = Vocab::new(MIN_INVENTED);
        let mut rng = Rng::new(3);
        let draws: Vec<u32> = (0..10_000).map(|_| v.content_word(&mut rng)).collect();
        let top = draws.iter().filter(|&&r| r < 100).count();
        let tail = draws.iter().filter(|&&r| r >= 1000).count();
        assert!(top > 2000, "top 100 ranks drawn {top} times");
        assert!(tail > 1000, "rare words still drawn: {tail}");
    }
}
