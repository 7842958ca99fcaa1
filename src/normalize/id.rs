//! Chinese resident identity card numbers (GB 11643-1999).
//!
//! The roll files this engine reads are typed by hand or exported from Excel,
//! so an ID cell arrives with full-width digits, stray spaces, zero-width
//! characters, a leading apostrophe, an `="…"` formula wrapper, a lower-case
//! `x`, or — worst of all — as a floating-point number whose last three digits
//! Excel silently replaced by zeros. [`normalize_id`] and
//! [`normalize_id_number`] classify such a cell into an [`IdStatus`] and only
//! hand out an identity [`NormId::key`] when the full 18-character number is
//! really known.

use super::Text;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Outcome of normalizing one ID cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdStatus {
    /// 18 characters exactly as written, with a correct check character.
    Valid,
    /// A correct 18-character ID after cosmetic cleaning (spaces, full-width
    /// digits, lower-case `x`, apostrophe, formula wrapper, hyphens…).
    Repaired,
    /// A 15-digit first-generation ID, upgraded to 18 characters.
    LegacyUpgraded,
    /// Excel stored the ID as a number and kept only 15 significant digits;
    /// the rest is lost. Only the region/birth prefix can be used.
    ExcelTruncated,
    /// Masked for publication (`432921********102X`, `4329**********102X`):
    /// only the characters left visible can be compared.
    Masked,
    /// 18 characters with a real birth date but a wrong check character.
    BadCheckDigit,
    /// Anything else that is not empty.
    Malformed,
    /// Empty cell or a placeholder such as "无", "/", "null".
    Missing,
}

impl IdStatus {
    /// Every status, in declaration order.
    pub const ALL: [IdStatus; 8] = [
        IdStatus::Valid,
        IdStatus::Repaired,
        IdStatus::LegacyUpgraded,
        IdStatus::ExcelTruncated,
        IdStatus::Masked,
        IdStatus::BadCheckDigit,
        IdStatus::Malformed,
        IdStatus::Missing,
    ];

    /// Stable snake_case name (same as the serde name).
    pub fn as_str(self) -> &'static str {
        match self {
            IdStatus::Valid => "valid",
            IdStatus::Repaired => "repaired",
            IdStatus::LegacyUpgraded => "legacy_upgraded",
            IdStatus::ExcelTruncated => "excel_truncated",
            IdStatus::Masked => "masked",
            IdStatus::BadCheckDigit => "bad_check_digit",
            IdStatus::Malformed => "malformed",
            IdStatus::Missing => "missing",
        }
    }
}

/// Sex encoded in an ID (digit 17, odd = male) or implied by a kinship term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// 男
    Male,
    /// 女
    Female,
}

/// A normalized ID cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormId {
    /// The cell as given.
    pub raw: Text,
    /// Normalized text: 18 characters for valid / repaired / legacy-upgraded /
    /// bad-check-digit; for Excel-truncated the zero-filled 18-digit number as
    /// Excel shows it; the cleaned text for malformed; `""` for missing.
    pub value: Text,
    /// Classification of the cell.
    pub status: IdStatus,
    /// The 18-character identity key; `Some` only for Valid, Repaired and
    /// LegacyUpgraded.
    pub key: Option<Text>,
    /// First 14 digits (6 region + 8 birth date) whenever they are known and
    /// the birth date is a real date.
    pub partial: Option<Text>,
    /// Birth date as `yyyymmdd` when it is a real calendar date (1900..=2030).
    pub birth: Option<u32>,
    /// Sex from digit 17 (odd = male); `None` when that digit is unknown.
    pub sex: Option<Sex>,
    /// The 6-digit administrative region code (unknown codes are accepted).
    pub region: Option<Text>,
}

/// Difference between two ID values of the same length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdDiff {
    /// Identical.
    Equal,
    /// Exactly one character differs, at 0-based `pos`.
    OneSubstitution {
        /// 0-based character position.
        pos: usize,
    },
    /// Exactly the two characters at `pos` and `pos + 1` are swapped.
    AdjacentTransposition {
        /// 0-based position of the first swapped character.
        pos: usize,
    },
    /// Anything else (including different lengths).
    Other,
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// MOD 11-2 check character (`'0'..='9'` or `'X'`) for 17 ASCII digits;
/// `None` if the input is not exactly 17 ASCII digits.
pub fn check_char(first17: &str) -> Option<char> {
    let b = first17.as_bytes();
    if b.len() != 17 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = b
        .iter()
        .zip(WEIGHTS.iter())
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK_CHARS.get((sum % 11) as usize).copied()
}

/// Invisible format characters (Unicode general category Cf), listed by hand.
pub(crate) fn is_format_char(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
        | '\u{0890}'..='\u{0891}' | '\u{08E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// Characters that carry no content in a cell: whitespace (incl. U+3000,
/// U+00A0), control characters and zero-width / format characters.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_format_char(c)
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '_'
            | '‐'
            | '‑'
            | '‒'
            | '–'
            | '—'
            | '―'
            | '−'
            | '﹣'
            | '－'
            | '＿'
            | '⁃'
            | '﹘'
    )
}

fn x_lookalike(c: char) -> Option<char> {
    match c {
        'x' | 'X' | '×' | 'Χ' | 'χ' | 'Х' | 'х' | 'Ⅹ' | 'ⅹ' | 'ｘ' | 'Ｘ' | '✕' | '╳' => {
            Some('X')
        }
        _ => None,
    }
}

fn is_leading_quote(c: char) -> bool {
    matches!(c, '\'' | '`' | '’' | '‘' | '´')
}

/// One pass of the cosmetic cleaning; [`clean_id_text`] repeats it to a fixpoint.
fn clean_once(raw: &str) -> String {
    let s: String = raw
        .nfkc()
        .filter(|&c| !is_invisible(c) && !is_dash(c))
        .map(|c| x_lookalike(c).unwrap_or(c))
        .collect();
    let mut s: &str = &s;
    // Strip apostrophes, ="…" formula wrappers and surrounding quotes, in any nesting.
    loop {
        let before = s.len();
        s = s.trim_start_matches(is_leading_quote);
        if let Some(inner) = s.strip_prefix("=\"").and_then(|t| t.strip_suffix('"')) {
            s = inner;
        } else if let Some(inner) = s.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
            s = inner;
        } else if let Some(inner) = s.strip_prefix('“').and_then(|t| t.strip_suffix('”')) {
            s = inner;
        }
        if s.len() == before {
            break;
        }
    }
    // A number exported as text: "330102800101123.0".
    if let Some(dot) = s.find('.') {
        let (int, frac) = (&s[..dot], &s[dot + 1..]);
        if !int.is_empty()
            && !frac.is_empty()
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b == b'0')
        {
            s = int;
        }
    }
    s.to_string()
}

/// The cosmetic cleaning step alone: NFKC, removal of whitespace, zero-width
/// and format characters and dashes, `x` look-alikes to `'X'`, leading
/// apostrophe, `="…"` / quote wrappers, and a trailing `.0`.
/// Idempotent: `clean_id_text(&clean_id_text(s)) == clean_id_text(s)`.
pub fn clean_id_text(raw: &str) -> Text {
    clean_ascii_fast(raw).unwrap_or_else(|| clean_full(raw).into())
}

/// The full cleaner: cleaning passes until nothing changes (at most 9).
fn clean_full(raw: &str) -> String {
    let mut cur = clean_once(raw);
    for _ in 0..8 {
        // Digits and X alone are a fixpoint: no second NFKC pass to prove it.
        if cur.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
            break;
        }
        let next = clean_once(&cur);
        if next == cur {
            break;
        }
        cur = next;
    }
    cur
}

/// The common case without NFKC or repeated passes: ASCII digits, `x`/`X`,
/// spaces, tabs, line breaks, hyphens and underscores only. Anything else
/// (`'`, `.`, quotes, non-ASCII) takes the full cleaner.
fn clean_ascii_fast(raw: &str) -> Option<Text> {
    // Cleaned into a stack buffer, then stored inline (up to 24 bytes): no allocation.
    let mut buf = [0u8; 24];
    let mut n = 0;
    for b in raw.bytes() {
        let Some(c) = ascii_id_byte(b)? else { continue };
        if n == buf.len() {
            return clean_ascii_long(raw);
        }
        buf[n] = c;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok().map(Text::from)
}

/// The ASCII fast path for text longer than any ID, into a heap string.
fn clean_ascii_long(raw: &str) -> Option<Text> {
    let mut out = String::with_capacity(raw.len());
    for b in raw.bytes() {
        if let Some(c) = ascii_id_byte(b)? {
            out.push(char::from(c));
        }
    }
    Some(out.into())
}

/// One byte of the ASCII fast path: `Some(Some(c))` kept as `c`, `Some(None)`
/// dropped (spaces, hyphens), `None` not for the fast path.
fn ascii_id_byte(b: u8) -> Option<Option<u8>> {
    match b {
        b'0'..=b'9' | b'X' => Some(Some(b)),
        b'x' => Some(Some(b'X')),
        b' ' | b'\t' | b'\r' | b'\n' | b'-' | b'_' => Some(None),
        _ => None,
    }
}

const PLACEHOLDERS: &[&str] = &[
    "无", "/", "\\", "空", "0", "null", "n/a", "na", "none", "nil", "暂无", "不详", "?", "？",
];

fn is_placeholder(cleaned: &str) -> bool {
    cleaned.is_empty() || PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(cleaned))
}

fn is_leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// `yyyymmdd` (8 ASCII digits) → number, if a real date with year 1900..=2030.
fn real_date(s: &str) -> Option<u32> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = s.parse().ok()?;
    let (y, m, d) = (n / 10000, n / 100 % 100, n % 100);
    if !(1900..=2030).contains(&y) {
        return None;
    }
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some(n)
}

fn sex_of(digit: u8) -> Option<Sex> {
    digit.is_ascii_digit().then(|| {
        if (digit - b'0') % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    })
}

fn empty(raw: &str, value: String, status: IdStatus) -> NormId {
    NormId {
        raw: raw.into(),
        value: value.into(),
        status,
        key: None,
        partial: None,
        birth: None,
        sex: None,
        region: None,
    }
}

fn malformed(raw: &str, cleaned: &str) -> NormId {
    empty(raw, cleaned.to_string(), IdStatus::Malformed)
}

/// An Excel-truncated 18-digit number of which only `sig` (the leading
/// significant digits) is known.
fn truncated(raw: &str, sig: &str) -> NormId {
    let mut value: String = sig.chars().take(18).collect();
    while value.len() < 18 {
        value.push('0');
    }
    let birth = if sig.len() >= 14 {
        real_date(&value[6..14])
    } else {
        None
    };
    NormId {
        raw: raw.into(),
        partial: birth.map(|_| value[..14].into()),
        region: (sig.len() >= 6).then(|| value[..6].into()),
        birth,
        sex: None,
        key: None,
        status: IdStatus::ExcelTruncated,
        value: value.into(),
    }
}

/// Classify an 18-character cleaned text.
/// Ends as an 18-digit number cut by Excel to 15 significant digits does:
/// in `000`. Only a hint: one valid ID in a thousand ends so too.
pub fn zero_filled(value: &str) -> bool {
    value.ends_with("000")
}

fn classify18(raw: &str, c: &str) -> NormId {
    let b = c.as_bytes();
    let shape_ok = b.len() == 18
        && b[..17].iter().all(u8::is_ascii_digit)
        && (b[17].is_ascii_digit() || b[17] == b'X');
    if !shape_ok {
        return malformed(raw, c);
    }
    let Some(birth) = real_date(&c[6..14]) else {
        return malformed(raw, c);
    };
    let region = Some(c[..6].into());
    let partial = Some(c[..14].into());
    let correct = check_char(&c[..17]) == Some(char::from(b[17]));
    if correct {
        let status = if c == raw.trim() {
            IdStatus::Valid
        } else {
            IdStatus::Repaired
        };
        return NormId {
            raw: raw.into(),
            value: c.into(),
            status,
            key: Some(c.into()),
            partial,
            birth: Some(birth),
            sex: sex_of(b[16]),
            region,
        };
    }
    let cut = b.iter().all(u8::is_ascii_digit) && zero_filled(c);
    NormId {
        raw: raw.into(),
        value: c.into(),
        status: if cut {
            IdStatus::ExcelTruncated
        } else {
            IdStatus::BadCheckDigit
        },
        key: None,
        partial,
        birth: Some(birth),
        sex: if cut { None } else { sex_of(b[16]) },
        region,
    }
}

/// Classify a 15-digit first-generation ID.
fn classify15(raw: &str, c: &str) -> NormId {
    let b = c.as_bytes();
    if b.len() != 15 || !b.iter().all(u8::is_ascii_digit) {
        return malformed(raw, c);
    }
    let date = format!("19{}", &c[6..12]);
    let Some(birth) = real_date(&date) else {
        return malformed(raw, c);
    };
    let first17 = format!("{}{}{}", &c[..6], date, &c[12..15]);
    let Some(check) = check_char(&first17) else {
        return malformed(raw, c);
    };
    let value = format!("{first17}{check}");
    NormId {
        raw: raw.into(),
        partial: Some(value[..14].into()),
        region: Some(c[..6].into()),
        birth: Some(birth),
        sex: sex_of(b[14]),
        key: Some(value.as_str().into()),
        status: IdStatus::LegacyUpgraded,
        value: value.into(),
    }
}

/// Parse scientific notation such as `5.00243E+17`: (significant digits, exponent).
fn parse_scientific(c: &str) -> Option<(String, u32)> {
    let (mant, exp) = c.split_once(['E', 'e'])?;
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    if exp.is_empty() || exp.len() > 3 || !exp.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let exp: u32 = exp.parse().ok()?;
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let int_ok = int.len() == 1 && matches!(int.as_bytes().first(), Some(b'1'..=b'9'));
    if !int_ok || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((format!("{int}{frac}"), exp))
}

fn classify(raw: &str, cleaned: &str) -> NormId {
    if is_placeholder(cleaned) {
        return empty(raw, String::new(), IdStatus::Missing);
    }
    if let Some((sig, exp)) = parse_scientific(cleaned) {
        let total = exp as usize + 1;
        if sig.len() > total {
            return malformed(raw, cleaned); // not an integer
        }
        let mut digits = sig.clone();
        while digits.len() < total {
            digits.push('0');
        }
        return if total <= 15 || sig.len() >= 16 {
            // Every digit is known: an exact number.
            classify(raw, &digits)
        } else if total == 18 && sig.len() >= 14 {
            truncated(raw, &sig)
        } else {
            // Shown in scientific notation with too few digits to say who it is
            // (4.32921E+17: the region only): the number is lost, not cut. Counted
            // as unreadable, so that a sheet of them is a problem, and no evidence
            // against a pair resting on name and place.
            malformed(raw, cleaned)
        };
    }
    match cleaned.len() {
        18 if cleaned.contains('*') => masked(raw, cleaned),
        18 => classify18(raw, cleaned),
        15 => classify15(raw, cleaned),
        20 => disability_card(raw, cleaned).unwrap_or_else(|| malformed(raw, cleaned)),
        _ => malformed(raw, cleaned),
    }
}

/// Characters of a masked ID left visible, fewest that can say anything.
pub const MASKED_MIN_VISIBLE: usize = 8;

/// An ID masked for publication: 18 characters, some `*`, the others digits
/// (an `X` last). What is visible is kept: the region (first 6), the birth
/// date (8 after them) and the sex (the 17th) when shown.
fn masked(raw: &str, c: &str) -> NormId {
    let b = c.as_bytes();
    let shape = b.iter().enumerate().all(|(i, &x)| x == b'*' || x.is_ascii_digit() || (i == 17 && x == b'X'));
    let shown = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(|x| *x != b'*'));
    if !shape || b.iter().filter(|x| **x != b'*').count() < MASKED_MIN_VISIBLE {
        return malformed(raw, c);
    }
    let birth = if shown(6..14) { real_date(&c[6..14]) } else { None };
    NormId {
        raw: raw.into(),
        value: c.into(),
        status: IdStatus::Masked,
        key: None,
        partial: birth.filter(|_| shown(0..6)).map(|_| c[..14].into()),
        birth,
        sex: if shown(16..17) { sex_of(b[16]) } else { None },
        region: shown(0..6).then(|| c[..6].into()),
    }
}

/// Do the visible characters of a masked ID agree with a full one? `Some(n)`:
/// all `n` visible ones agree; `None`: one differs.
pub fn masked_agrees(masked: &str, full: &str) -> Option<usize> {
    // An ID cut by Excel is compared on the 15 digits it kept.
    if masked.len() != 18 || full.len() < 15 {
        return None;
    }
    let mut n = 0;
    for (m, f) in masked.bytes().zip(full.bytes()) {
        if m != b'*' {
            if m != f {
                return None;
            }
            n += 1;
        }
    }
    Some(n)
}

/// A 残疾人证号: the holder's 18-character ID followed by the category (1–7)
/// and the grade (1–4) of the disability. The ID, checked by its check
/// character, is the person's ([`IdStatus::Repaired`]).
fn disability_card(raw: &str, c: &str) -> Option<NormId> {
    let (id, tail) = (c.get(..18)?, c.get(18..)?.as_bytes());
    if !(matches!(tail, [b'1'..=b'7', b'1'..=b'4'])) {
        return None;
    }
    let n = classify18(raw, id);
    n.key.is_some().then_some(NormId { status: IdStatus::Repaired, ..n })
}

/// Normalize an ID cell given as text. Never panics.
///
/// See [`IdStatus`] for the possible outcomes; only Valid, Repaired and
/// LegacyUpgraded carry an identity [`NormId::key`].
pub fn normalize_id(raw: &str) -> NormId {
    let cleaned = clean_id_text(raw);
    let n = classify(raw, &cleaned);
    if n.status == IdStatus::Malformed {
        if let Some(m) = noted(raw, &cleaned).or_else(|| beside_a_card(raw)) {
            return m;
        }
    }
    n
}

/// An ID and a bank card (or another long number) in one cell, on two lines or
/// apart (`4329…⏎6230…`): the one part that is a valid ID, when every other
/// part is a number of 12 digits or more, not of an ID's length ([`IdStatus::Repaired`]).
fn beside_a_card(raw: &str) -> Option<NormId> {
    let parts: Vec<&str> = raw.split(|c: char| c.is_whitespace() || "/／;；,，、|".contains(c)).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 || parts.len() > 4 {
        return None;
    }
    let mut found = None;
    for p in &parts {
        let n = classify(p, &clean_id_text(p));
        if n.status == IdStatus::Valid {
            if found.is_some() {
                return None;
            }
            found = Some(n);
        } else if !(p.len() >= 12 && p.len() != 15 && p.len() != 18 && p.bytes().all(|b| b.is_ascii_digit())) {
            // Another ID's length: two persons' IDs, not an ID and a card.
            return None;
        }
    }
    found.map(|n| NormId { status: IdStatus::Repaired, ..n })
}

/// An ID with a note written beside it (`4329…（户主）`, `4329…已核`, `本人：4329…`):
/// the one run of 18 (or 15) ID characters in a text with no other digit, when
/// it checks out ([`IdStatus::Repaired`]).
fn noted(raw: &str, cleaned: &str) -> Option<NormId> {
    let is_id_char = |c: char| c.is_ascii_digit() || c == 'X' || c == 'x';
    let start = cleaned.find(is_id_char)?;
    let len = cleaned[start..].find(|c: char| !is_id_char(c)).unwrap_or(cleaned.len() - start);
    let run = cleaned[start..start + len].to_ascii_uppercase();
    let rest_has_digit = cleaned[start + len..].chars().any(|c| c.is_ascii_digit());
    if rest_has_digit || !(run.len() == 18 || run.len() == 15) || !(run.as_bytes()[..run.len() - 1].iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let n = classify(raw, &run);
    n.key.is_some().then_some(NormId { status: IdStatus::Repaired, ..n })
}

/// Normalize an ID cell that Excel stored as a number.
///
/// A float keeps at most ~15 significant decimal digits, so an 18-digit ID is
/// always [`IdStatus::ExcelTruncated`] here (its last three digits are
/// unknowable); numbers of up to 15 digits are exact and normalized as text
/// (a 15-digit legacy ID upgrades normally). `raw` of the result is the digit
/// string Excel would show. Non-finite, non-positive, fractional or
/// wrong-length numbers are [`IdStatus::Malformed`].
pub fn normalize_id_number(f: f64) -> NormId {
    if !f.is_finite() || f <= 0.0 || f.fract() != 0.0 {
        let raw = format!("{f}");
        return malformed(&raw, &raw);
    }
    // 15 significant digits, never `f as u64` / `{:.0}` (they invent digits).
    let sci = format!("{f:.14e}");
    let Some((mant, exp)) = sci.split_once('e') else {
        return malformed(&sci, &sci);
    };
    let sig: String = mant.chars().filter(char::is_ascii_digit).collect();
    let Ok(exp) = exp.parse::<i32>() else {
        return malformed(&sci, &sci);
    };
    if !(0..=400).contains(&exp) {
        return malformed(&sci, &sci);
    }
    let total = exp as usize + 1;
    let mut digits: String = sig.chars().take(total).collect();
    while digits.len() < total {
        digits.push('0');
    }
    if total <= 15 {
        normalize_id(&digits)
    } else if total == 18 {
        if zero_filled(&digits) {
            truncated(&digits, &sig)
        } else {
            normalize_id(&digits)
        }
    } else {
        malformed(&digits, &digits)
    }
}

/// Publicity masking. An 18- or 15-character value shows its first 6 and
/// last 4 characters (`500243********123X`); other values of 4+ characters
/// show only the first 2 and the last 1; shorter ones are fully masked.
/// Never returns a non-empty input unchanged.
pub fn mask_id(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    let (head, tail) = match n {
        15 | 18 => (6, 4),
        4.. => (2, 1),
        _ => (0, 0),
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i < head || i >= n - tail { c } else { '*' })
        .collect()
}

/// Compare two ID values (normally 18 characters each).
pub fn id_distance(a: &str, b: &str) -> IdDiff {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() != b.len() {
        return IdDiff::Other;
    }
    let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diffs.as_slice() {
        [] => IdDiff::Equal,
        [p] => IdDiff::OneSubstitution { pos: *p },
        [p, q] if *q == p + 1 && a[*p] == b[*q] && a[*q] == b[*p] => {
            IdDiff::AdjacentTransposition { pos: *p }
        }
        _ => IdDiff::Other,
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_fast_path_equals_the_full_cleaner(s in "[0-9xX \t\r\n_-]{0,24}") {
            prop_assert_eq!(clean_ascii_fast(&s), Some(clean_full(&s).into()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    /// Build a valid 18-character ID from its 17 leading digits.
    fn with_check(first17: &str) -> String {
        format!("{first17}{}", check_char(first17).unwrap())
    }

    #[rstest]
    #[case("11010519491231002", 'X')]
    #[case("44052418800101001", '4')]
    #[case("51102319800101001", '9')] // 157 mod 11 = 3 -> '9'
    #[case("1101051949123100", '?')] // 16 digits
    #[case("1101051949123100a", '?')]
    fn check_char_table(#[case] first17: &str, #[case] want: char) {
        let got = check_char(first17);
        if want == '?' {
            assert_eq!(got, None);
        } else {
            assert_eq!(got, Some(want));
        }
    }

    #[rstest]
    #[case(" 11010519491231002x ", "11010519491231002X")]
    #[case("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")]
    #[case("'110105194912310027", "110105194912310027")]
    #[case("`110105194912310027", "110105194912310027")]
    #[case("’110105194912310027", "110105194912310027")]
    #[case("=\"110105194912310027\"", "110105194912310027")]
    #[case("\"110105194912310027\"", "110105194912310027")]
    #[case("110105-19491231-002×", "11010519491231002X")]
    #[case("110105—1949\u{3000}1231\u{00A0}002Χ", "11010519491231002X")]
    #[case("\u{FEFF}1101\u{200B}0519491231002Х", "11010519491231002X")]
    #[case("11010519491231002Ⅹ", "11010519491231002X")]
    #[case("110105_19491231＿002ｘ", "11010519491231002X")]
    #[case("330102800101123.0", "330102800101123")]
    #[case("", "")]
    // Longer than the fast path's inline buffer.
    #[case("1234567890 1234567890-1234567890 1x", "1234567890123456789012345678901X")]
    fn clean_table(#[case] raw: &str, #[case] want: &str) {
        assert_eq!(clean_id_text(raw), want);
    }

    #[rstest]
    #[case("11010519491231002X", IdStatus::Valid)]
    #[case(" 11010519491231002X\t", IdStatus::Valid)]
    #[case("11010519491231002x", IdStatus::Repaired)]
    #[case("'11010519491231002X", IdStatus::Repaired)]
    #[case("=\"11010519491231002X\"", IdStatus::Repaired)]
    #[case("110105 1949 1231 002X", IdStatus::Repaired)]
    #[case("110105194912310021", IdStatus::BadCheckDigit)]
    #[case("110105194902300021", IdStatus::Malformed)] // Feb 30
    #[case("110105189912310021", IdStatus::Malformed)] // year 1899
    #[case("110105194912310000", IdStatus::ExcelTruncated)]
    #[case("5.00243E+17", IdStatus::Malformed)]
    #[case("5.00243199001011E+17", IdStatus::ExcelTruncated)]
    #[case("330102800101123", IdStatus::LegacyUpgraded)]
    #[case("330102800101123.0", IdStatus::LegacyUpgraded)]
    #[case("3.30102800101123E+14", IdStatus::LegacyUpgraded)]
    #[case("330102801301123", IdStatus::Malformed)] // month 13
    #[case("1101051949123100X", IdStatus::Malformed)]
    #[case("1101051949123100XX", IdStatus::Malformed)]
    #[case("11010519491231002X1", IdStatus::Malformed)]
    #[case("张三", IdStatus::Malformed)]
    #[case("", IdStatus::Missing)]
    #[case("   ", IdStatus::Missing)]
    #[case("无", IdStatus::Missing)]
    #[case("/", IdStatus::Missing)]
    #[case("-", IdStatus::Missing)]
    #[case("——", IdStatus::Missing)]
    #[case("空", IdStatus::Missing)]
    #[case("0", IdStatus::Missing)]
    #[case("null", IdStatus::Missing)]
    #[case("NULL", IdStatus::Missing)]
    #[case("N/A", IdStatus::Missing)]
    #[case("999999200002290014", IdStatus::BadCheckDigit)] // unknown region kept; leap day
    fn status_table(#[case] raw: &str, #[case] want: IdStatus) {
        let n = normalize_id(raw);
        assert_eq!(n.status, want, "{raw:?} -> {n:?}");
        assert_eq!(n.raw, raw);
        assert_eq!(
            n.key.is_some(),
            matches!(
                want,
                IdStatus::Valid | IdStatus::Repaired | IdStatus::LegacyUpgraded
            )
        );
    }

    #[test]
    fn valid_fields() {
        let n = normalize_id("11010519491231002X");
        assert_eq!(n.key.as_deref(), Some("11010519491231002X"));
        assert_eq!(n.partial.as_deref(), Some("11010519491231"));
        assert_eq!(n.birth, Some(19491231));
        assert_eq!(n.sex, Some(Sex::Female)); // digit 17 = 2
        assert_eq!(n.region.as_deref(), Some("110105"));
    }

    /// A masked ID keeps what it shows and is no key; too little shown is no ID.
    #[test]
    fn masked_ids_keep_what_they_show() {
        let n = normalize_id("110105********002X");
        assert_eq!((n.status, n.key.as_deref(), n.region.as_deref(), n.birth), (IdStatus::Masked, None, Some("110105"), None));
        // The 17th character is shown: the sex is known.
        assert_eq!(n.sex, Some(Sex::Female));
        let n = normalize_id("11010519491231**2X");
        assert_eq!((n.status, n.birth, n.partial.as_deref()), (IdStatus::Masked, Some(19491231), Some("11010519491231")));
        assert_eq!(normalize_id("11**************2X").status, IdStatus::Malformed);
        assert_eq!(masked_agrees("110105********002X", "11010519491231002X"), Some(10));
        assert_eq!(masked_agrees("110105********003X", "11010519491231002X"), None);
    }

    /// A note beside an ID does not hide it; two numbers, or a note with digits, are no ID.
    #[test]
    fn id_with_a_note_beside_it_is_read() {
        for t in ["11010519491231002X（户主）", "11010519491231002X已核", "本人：11010519491231002X", "11010519491231002x (本人)"] {
            let n = normalize_id(t);
            assert_eq!((n.status, n.key.as_deref()), (IdStatus::Repaired, Some("11010519491231002X")), "{t}");
        }
        for t in ["11010519491231002X（2人）", "110105194912310021（户主）", "11010519491231002X、110105194912310030"] {
            assert_eq!(normalize_id(t).key, None, "{t}");
        }
        // The ID and a bank card in one cell (probe s30): the ID.
        let n = normalize_id("11010519491231002X\n6230581234567890123");
        assert_eq!((n.status, n.key.as_deref()), (IdStatus::Repaired, Some("11010519491231002X")));
    }

    /// A 残疾人证号 carries its holder's ID; a 20-digit number that is no such
    /// card (a bank account, a wrong check character, grade 9) is not an ID.
    #[test]
    fn disability_card_number_gives_its_holders_id() {
        let n = normalize_id("11010519491231002X12");
        assert_eq!((n.status, n.key.as_deref()), (IdStatus::Repaired, Some("11010519491231002X")));
        assert_eq!(n.birth, Some(19491231));
        for not in ["11010519491231002X19", "11010519491231002X82", "11010519491231002112", "62170011223344556677"] {
            assert_eq!(normalize_id(not).key, None, "{not}");
        }
    }

    #[test]
    fn legacy_fields() {
        let n = normalize_id("330102800101123");
        let want = with_check("33010219800101123");
        assert_eq!(n.value, want);
        assert_eq!(n.key.as_deref(), Some(want.as_str()));
        assert_eq!(n.birth, Some(19800101));
        assert_eq!(n.sex, Some(Sex::Male));
        assert_eq!(n.partial.as_deref(), Some("33010219800101"));
        assert_eq!(normalize_id(&want).status, IdStatus::Valid);
    }

    #[test]
    fn bad_check_digit_fields() {
        let n = normalize_id("110105194912310021");
        assert_eq!(n.value, "110105194912310021");
        assert_eq!(n.key, None);
        assert_eq!(n.partial.as_deref(), Some("11010519491231"));
        assert_eq!(n.birth, Some(19491231));
        assert_eq!(n.sex, Some(Sex::Female));
        assert_eq!(n.region.as_deref(), Some("110105"));
    }

    #[test]
    fn truncated_text_fields() {
        let n = normalize_id("110105194912310000");
        assert_eq!(n.key, None);
        assert_eq!(n.sex, None);
        assert_eq!(n.partial.as_deref(), Some("11010519491231"));
        assert_eq!(n.birth, Some(19491231));

        // Regression (probe s29, a WPS CSV): 4.32921E+17 keeps the region only. It was an
        // Excel-cut ID, counted as such (no problem, exit 0) and contradicting every pair.
        let n = normalize_id("5.00243E+17");
        assert_eq!(n.status, IdStatus::Malformed);
        assert_eq!((n.partial, n.birth, n.sex, n.key), (None, None, None, None));

        let n = normalize_id("5.00243199001011E+17");
        assert_eq!(n.value, "500243199001011000");
        assert_eq!(n.partial.as_deref(), Some("50024319900101"));
        assert_eq!(n.birth, Some(19900101));
        assert_eq!(n.sex, None);
    }

    #[test]
    fn number_cells() {
        // 18-digit ID typed as a number: always truncated, never "valid".
        let id = "500243199001011234";
        let f: f64 = id.parse().unwrap();
        let n = normalize_id_number(f);
        assert_eq!(n.status, IdStatus::ExcelTruncated);
        assert_eq!(n.value, "500243199001011000");
        assert_eq!(n.raw, "500243199001011000");
        assert_eq!(n.partial.as_deref(), Some("50024319900101"));
        assert_eq!(n.key, None);
        // 15-digit legacy number is exact.
        let n = normalize_id_number(330102800101123.0);
        assert_eq!(n.status, IdStatus::LegacyUpgraded);
        assert_eq!(n.raw, "330102800101123");
        assert_eq!(n.key.as_deref(), Some(with_check("33010219800101123").as_str()));
        for bad in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -1.0,
            1.5,
            1e300,
            1.0e16,
        ] {
            assert_eq!(
                normalize_id_number(bad).status,
                IdStatus::Malformed,
                "{bad}"
            );
        }
        assert_eq!(normalize_id_number(12345.0).status, IdStatus::Malformed);
    }

    #[rstest]
    #[case("50024319900101123X", "500243********123X")]
    #[case("330102800101123", "330102*****1123")]
    #[case("12345", "12**5")]
    #[case("abcd", "ab*d")]
    #[case("abc", "***")]
    #[case("张三丰李四", "张三**四")]
    #[case("", "")]
    fn mask_table(#[case] v: &str, #[case] want: &str) {
        assert_eq!(mask_id(v), want);
    }

    #[rstest]
    #[case("50024319900101123X", "50024319900101123X", IdDiff::Equal)]
    #[case("50024319900101123X", "50024319900101124X", IdDiff::OneSubstitution { pos: 16 })]
    #[case("50024319900101123X", "50024319900101132X", IdDiff::AdjacentTransposition { pos: 15 })]
    #[case("50024319900101123X", "50024319900101321X", IdDiff::Other)]
    #[case("50024319900101123X", "5002431990010112X", IdDiff::Other)]
    #[case("12", "21", IdDiff::AdjacentTransposition { pos: 0 })]
    #[case("1122", "2211", IdDiff::Other)]
    fn distance_table(#[case] a: &str, #[case] b: &str, #[case] want: IdDiff) {
        assert_eq!(id_distance(a, b), want);
    }

    #[test]
    fn status_names_and_serde() {
        for s in IdStatus::ALL {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert_eq!(serde_json::to_string(&Sex::Female).unwrap(), "\"female\"");
    }

    fn valid_id() -> impl Strategy<Value = String> {
        (
            0u32..1_000_000,
            1930u32..2010,
            1u32..=12,
            1u32..=31,
            0u32..1000,
        )
            .prop_map(|(region, y, m, d, seq)| {
                let max = match m {
                    2 if is_leap(y) => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                let first17 = format!("{region:06}{y:04}{m:02}{:02}{seq:03}", d.min(max));
                with_check(&first17)
            })
    }

    const JUNK: [&str; 10] = [
        " ", "\u{3000}", "\u{A0}", "\u{200B}", "\u{FEFF}", "-", "—", "\t", "\u{2060}", "_",
    ];

    proptest! {
        #[test]
        fn cosmetic_corruptions_repair(
            id in valid_id(),
            full_width in proptest::collection::vec(any::<bool>(), 18),
            inserts in proptest::collection::vec((0usize..19, 0usize..JUNK.len()), 0..6),
            lower in any::<bool>(),
            apostrophe in any::<bool>(),
            wrapper in any::<bool>(),
        ) {
            let mut chars: Vec<String> = id
                .chars()
                .zip(&full_width)
                .map(|(c, &fw)| match c {
                    'X' if lower => "x".to_string(),
                    '0'..='9' if fw => char::from_u32(c as u32 - '0' as u32 + '０' as u32)
                        .map(String::from).unwrap_or_default(),
                    _ => c.to_string(),
                })
                .collect();
            for (pos, j) in inserts.iter().rev() {
                chars.insert((*pos).min(chars.len()), JUNK[*j].to_string());
            }
            let mut s: String = chars.concat();
            if wrapper { s = format!("=\"{s}\""); }
            if apostrophe { s = format!("'{s}"); }
            let n = normalize_id(&s);
            prop_assert_eq!(n.key.as_deref(), Some(id.as_str()), "{:?} -> {:?}", s, n);
            let want = if s.trim() == id { IdStatus::Valid } else { IdStatus::Repaired };
            prop_assert_eq!(n.status, want);
        }

        #[test]
        fn idempotent(s in "\\PC{0,30}|[0-9xX '=\"\\-.E+]{0,22}") {
            let n = normalize_id(&s);
            if let Some(key) = &n.key {
                let again = normalize_id(key);
                prop_assert_eq!(again.status, IdStatus::Valid);
                prop_assert_eq!(again.key.as_ref(), Some(key));
            }
            prop_assert_eq!(&normalize_id(&n.value).value, &n.value);
            let c = clean_id_text(&s);
            prop_assert_eq!(clean_id_text(&c), c);
            let m = mask_id(&s);
            prop_assert_eq!(m.chars().count(), s.chars().count());
            prop_assert!(s.is_empty() || m.contains('*'));
            prop_assert!(m != s || s.is_empty() || s.contains('*'));
        }

        #[test]
        fn idempotent_on_ids(id in valid_id(), f in 0usize..18) {
            // 15-digit and damaged variants of real IDs.
            let legacy = format!("{}{}", &id[..6], &id[8..17]);
            let damaged = format!("{}000", &id[..15]);
            let sub = format!("{}{}", &id[..f], &id[f + 1..]);
            for s in [legacy, damaged, sub] {
                let n = normalize_id(&s);
                prop_assert_eq!(&normalize_id(&n.value).value, &n.value);
                if let Some(key) = &n.key {
                    prop_assert_eq!(normalize_id(key).status, IdStatus::Valid);
                }
            }
        }

        #[test]
        fn no_panic_any_string(s in any::<String>()) {
            let _ = normalize_id(&s);
            let _ = mask_id(&s);
            let _ = id_distance(&s, "50024319900101123X");
        }

        #[test]
        fn no_panic_any_f64(f in any::<f64>()) {
            let n = normalize_id_number(f);
            prop_assert!(n.key.is_none() || n.status == IdStatus::LegacyUpgraded || n.status == IdStatus::Valid);
        }

        #[test]
        fn number_of_real_ids_is_truncated(id in valid_id()) {
            // Real region codes never start with 0 (leading zeros shorten the number).
            if let (false, Ok(f)) = (id.starts_with('0'), id[..17].parse::<f64>()) {
                let n = normalize_id_number(f * 10.0);
                prop_assert!(matches!(n.status, IdStatus::ExcelTruncated | IdStatus::Malformed));
                prop_assert!(n.key.is_none());
            }
        }
    }
}
