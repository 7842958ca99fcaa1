//! The cell and grid every reader produces: one shape for xlsx, xls and text files.

/// A cell as the user sees it. Numbers stay floats: an ID typed as a number is
/// handed to the ID normalizer as a float, never turned into digits here.
///
/// Text is inline up to 24 bytes (a name, an ID, a village): a sheet of a
/// million cells makes no heap allocation for most of them.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(compact_str::CompactString),
    Number(f64),
    /// An Excel serial date (days since 1899-12-30).
    Date(f64),
    Bool(bool),
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The text Excel would show for the cell in "General" format.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.to_string(),
            Cell::Number(f) => format_general(*f),
            Cell::Date(d) => serial_to_ymd(*d)
                .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
                .unwrap_or_else(|| format_general(*d)),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// Excel's "General" rendering of a number: integers as integers while they
/// are exact (15 significant digits), otherwise up to 15 significant digits.
pub fn format_general(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    // 15 significant digits, trailing zeros of the fraction removed.
    let s = format!("{:.14e}", f);
    let (mant, exp) = match s.split_once('e') {
        Some(p) => p,
        None => return s,
    };
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let point = exp + 1; // digits before the decimal point
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(digits.trim_end_matches('0'));
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        let (a, b) = digits.split_at(point as usize);
        out.push_str(a);
        let b = b.trim_end_matches('0');
        if !b.is_empty() {
            out.push('.');
            out.push_str(b);
        }
    }
    out
}

/// Excel serial date (1900 system) to (year, month, day).
pub fn serial_to_ymd(serial: f64) -> Option<(i32, u32, u32)> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Days since 1899-12-30 (Excel's 1900 leap-year bug is absorbed by that epoch
    // for every date after 1900-03-01).
    let days = serial.floor() as i64;
    Some(civil_from_days(days - 25_569)) // 25569 = 1970-01-01
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// One row of a grid, with the 1-based row number a person sees in Excel
/// (for text files: the line number).
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    pub number: u32,
    pub cells: Vec<Cell>,
}

/// A merged range, in 1-based rows and 0-based columns, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    pub first_row: u32,
    pub last_row: u32,
    pub first_col: usize,
    pub last_col: usize,
}

/// A sheet (or a whole text file) as read, before any interpretation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grid {
    /// Sheet name; `""` for text files.
    pub sheet: String,
    pub rows: Vec<GridRow>,
    pub merges: Vec<Merge>,
    /// What the reader left out or read differently, in words a county user
    /// reads (cells beyond the last column a form can have, a line with an
    /// unclosed quote). Each is a problem of the sheet (the run exits 3).
    pub notes: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(1.0, "1")]
    #[case(1234.5, "1234.5")]
    #[case(519901199001011000.0, "519901199001011000")]
    #[case(5.19901199001011e17, "519901199001011000")]
    #[case(330102800101123.0, "330102800101123")]
    #[case(0.25, "0.25")]
    fn general_format(#[case] f: f64, #[case] want: &str) {
        assert_eq!(format_general(f), want);
    }

    #[test]
    fn general_format_never_invents_digits() {
        // 519901199001011234 cannot be held by an f64; Excel shows 15 digits.
        let f: f64 = "519901199001011234".parse().unwrap();
        assert_eq!(format_general(f), "519901199001011000");
    }

    #[rstest]
    #[case(45_566.0, (2024, 10, 1))]
    #[case(45_356.0, (2024, 3, 5))]
    #[case(61.0, (1900, 3, 1))]
    fn serial_dates(#[case] s: f64, #[case] want: (i32, u32, u32)) {
        assert_eq!(serial_to_ymd(s), Some(want));
    }
}
