//! Time and new note ids, injectable so that tests and snapshots are fixed.

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

/// Where notes get the current time and new ids from.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// A new UUID v7 for a note made at about `now()`.
    fn new_id(&self) -> Uuid;
}

/// The system clock and random UUID v7s.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn new_id(&self) -> Uuid {
        Uuid::now_v7()
    }
}

/// A clock for tests: starts at a fixed time and advances one second on each
/// reading; ids are UUID v7s made from that time and a counter.
#[derive(Debug)]
pub struct FixedClock {
    start: DateTime<Utc>,
    ticks: AtomicU64,
}

impl FixedClock {
    pub fn new(start: DateTime<Utc>) -> FixedClock {
        FixedClock {
            start,
            ticks: AtomicU64::new(0),
        }
    }

    fn tick(&self) -> (DateTime<Utc>, u64) {
        let n = self.ticks.fetch_add(1, Ordering::SeqCst);
        let seconds = i64::try_from(n).unwrap_or(i64::MAX);
        (self.start + TimeDelta::seconds(seconds), n)
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.tick().0
    }

    fn new_id(&self) -> Uuid {
        let (time, n) = self.tick();
        let millis = u64::try_from(time.timestamp_millis()).unwrap_or(0);
        let mut counter = [0u8; 10];
        counter[2..].copy_from_slice(&n.to_be_bytes());
        uuid::Builder::from_unix_timestamp_millis(millis, &counter).into_uuid()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_is_repeatable_and_its_ids_are_v7() {
        let t0 = DateTime::parse_from_rfc3339("2025-03-01T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let (a, b) = (FixedClock::new(t0), FixedClock::new(t0));
        assert_eq!(a.now(), t0);
        assert_eq!(b.now(), t0);
        let (id_a, id_b) = (a.new_id(), b.new_id());
        assert_eq!(id_a, id_b);
        assert_eq!(id_a.get_version_num(), 7);
        assert_ne!(a.new_id(), id_a);
        assert!(a.now() > t0);
    }
}
