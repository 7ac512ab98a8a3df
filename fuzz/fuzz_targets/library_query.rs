//! The library's search language (`library::query`): any text is a query
//! (turned into SQL whose values are bound, `?N`, never spliced) or a reason.
#![no_main]

use gloss::library::query::Query;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    if let Ok(query) = Query::parse(input) {
        let (sql, values) = query.to_sql("a.id");
        // every placeholder names a value given with it
        for n in sql.split('?').skip(1) {
            let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
            let n: usize = digits.parse().unwrap_or_else(|_| panic!("a bare ? in {sql}"));
            assert!((1..=values.len()).contains(&n), "?{n} of {} in {sql}", values.len());
        }
    }
});
