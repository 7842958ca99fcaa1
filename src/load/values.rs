//! Reading dates and amounts the way departments type them.

use super::cell::{Cell, serial_to_ymd};

/// A date as `YYYY-MM-DD`, or `YYYY-MM` for a month (2024年10月). Text that is
/// not a date is kept as written (trimmed), so nothing is lost.
pub fn parse_date(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Date(s) => ymd(serial_to_ymd(*s)).unwrap_or_default(),
        Cell::Number(f) => {
            let f = *f;
            let yyyymmdd = (19_000_101.0..=21_001_231.0).contains(&f);
            let yyyymm = (190_001.0..=210_012.0).contains(&f);
            if f.fract() == 0.0 && (yyyymmdd || yyyymm) {
                parse_date_text(&format!("{}", f as i64))
            } else if (1.0..80_000.0).contains(&f) {
                ymd(serial_to_ymd(f)).unwrap_or_else(|| cell.text())
            } else {
                cell.text()
            }
        }
        other => parse_date_text(&other.text()),
    }
}

fn ymd(d: Option<(i32, u32, u32)>) -> Option<String> {
    d.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && d >= 1 && d <= dim
}

/// 2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日, 2024年10月, 2024-10, 202410.
pub fn parse_date_text(s: &str) -> String {
    let t = s.trim();
    if t.is_empty() {
        return String::new();
    }
    let digits_only = t.chars().all(|c| c.is_ascii_digit());
    if digits_only && t.len() == 8 {
        let (y, m, d) = (t[..4].parse().unwrap_or(0), t[4..6].parse().unwrap_or(0), t[6..].parse().unwrap_or(0));
        if valid(y, m, d) {
            return format!("{y:04}-{m:02}-{d:02}");
        }
    }
    if digits_only && t.len() == 6 {
        let (y, m): (i32, u32) = (t[..4].parse().unwrap_or(0), t[4..].parse().unwrap_or(0));
        if valid(y, m, 1) {
            return format!("{y:04}-{m:02}");
        }
    }
    // Split on any non-digit and read up to three numbers.
    let nums: Vec<&str> = t.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    // Keep a time part out: "2024-03-05 00:00:00" has more numbers; use the first three.
    let looks_dated = t.contains('年') || t.contains('-') || t.contains('/') || t.contains('.');
    if looks_dated && (2..=6).contains(&nums.len()) && nums[0].len() == 4 {
        let y: i32 = nums[0].parse().unwrap_or(0);
        let m: u32 = nums[1].parse().unwrap_or(0);
        if nums.len() >= 3 && nums[2].len() <= 2 {
            let d: u32 = nums[2].parse().unwrap_or(0);
            if valid(y, m, d) {
                return format!("{y:04}-{m:02}-{d:02}");
            }
        } else if valid(y, m, 1) {
            return format!("{y:04}-{m:02}");
        }
    }
    t.to_string()
}

/// An amount in 元. `wan`: the column is in 万元. Commas, ¥, 元 and spaces are
/// ignored; text that is not a number gives `None`.
pub fn parse_amount(cell: &Cell, wan: bool) -> Option<f64> {
    let v = match cell {
        Cell::Number(f) if f.is_finite() => Some(*f),
        Cell::Text(s) => {
            let cleaned: String = s
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '¥' | '￥' | '元'))
                .collect();
            let (num, w) = match cleaned.strip_suffix('万') {
                Some(n) => (n.to_string(), true),
                None => (cleaned, false),
            };
            num.parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| if w { f * 10_000.0 } else { f })
        }
        _ => None,
    }?;
    let v = if wan { v * 10_000.0 } else { v };
    // Round to the cent: 1.45 万元 is 14500 元, not 14499.999999999998.
    Some((v * 100.0).round() / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("2024-03-05", "2024-03-05")]
    #[case("2024/3/5", "2024-03-05")]
    #[case("2024.3.5", "2024-03-05")]
    #[case("20240305", "2024-03-05")]
    #[case("2024年3月5日", "2024-03-05")]
    #[case("2024年10月", "2024-10")]
    #[case("2024-10", "2024-10")]
    #[case("202410", "2024-10")]
    #[case("2024-03-05 00:00:00", "2024-03-05")]
    #[case("十月", "十月")]
    #[case("2024-02-30", "2024-02-30")]
    fn date_texts(#[case] s: &str, #[case] want: &str) {
        assert_eq!(parse_date_text(s), want);
    }

    #[test]
    fn date_cells() {
        assert_eq!(parse_date(&Cell::Date(45_356.0)), "2024-03-05");
        assert_eq!(parse_date(&Cell::Number(45_356.0)), "2024-03-05");
        assert_eq!(parse_date(&Cell::Number(20_240_305.0)), "2024-03-05");
        assert_eq!(parse_date(&Cell::Empty), "");
    }

    #[rstest]
    #[case(Cell::Number(300.0), false, Some(300.0))]
    #[case(Cell::Number(1.45), true, Some(14_500.0))]
    #[case(Cell::Text("1,234.50元".into()), false, Some(1234.5))]
    #[case(Cell::Text("¥ 80".into()), false, Some(80.0))]
    #[case(Cell::Text("2.5万".into()), false, Some(25_000.0))]
    #[case(Cell::Text("待定".into()), false, None)]
    #[case(Cell::Empty, false, None)]
    fn amounts(#[case] c: Cell, #[case] wan: bool, #[case] want: Option<f64>) {
        assert_eq!(parse_amount(&c, wan), want);
    }
}
