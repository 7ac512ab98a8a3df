//! Work spread over a thread pool, results handed back in input order, with
//! memory bounded whatever the number of inputs.
//!
//! The calling thread takes inputs from the iterator and hands them to the
//! pool, but only while fewer than `window` are taken and not yet handed
//! back; results arrive over a channel in any order, wait in a reorder
//! buffer (at most `window` of them), and each is handed back as soon as it
//! and all before it are done. One slow input holds the output back, not
//! the workers: they run ahead up to the window.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Run `work` on each input on `pool`'s threads and hand each result to
/// `write` in the inputs' order. At most `window` inputs (at least one) are
/// taken from `inputs` and not yet written at any time. An error from
/// `write` stops the run: inputs not started are dropped, those running
/// finish, and the error is returned. A panic in `work` is raised again
/// here once the running inputs are done.
pub fn ordered_map<T, R>(
    pool: &rayon::ThreadPool,
    inputs: impl IntoIterator<Item = T>,
    window: usize,
    work: impl Fn(T) -> R + Sync,
    mut write: impl FnMut(R) -> std::io::Result<()>,
) -> std::io::Result<()>
where
    T: Send,
    R: Send,
{
    let window = window.max(1);
    let (done, results) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    let stop = AtomicBool::new(false);
    let (work, stop_ref) = (&work, &stop);
    pool.in_place_scope_fifo(|scope| {
        let mut inputs = inputs.into_iter().fuse();
        // inputs taken so far; results written so far
        let (mut taken, mut written) = (0usize, 0usize);
        // the results of inputs `written..taken`, `None` while running
        let mut pending: VecDeque<Option<R>> = VecDeque::with_capacity(window);
        loop {
            while taken - written < window {
                let Some(input) = inputs.next() else { break };
                let (index, done) = (taken, done.clone());
                scope.spawn_fifo(move |_| {
                    if stop_ref.load(Ordering::Relaxed) {
                        return;
                    }
                    let result = panic::catch_unwind(AssertUnwindSafe(|| work(input)));
                    // the receiver lives until every job is done
                    let _ = done.send((index, result));
                });
                taken += 1;
                pending.push_back(None);
            }
            if written == taken {
                return Ok(());
            }
            // a job is running and `done` is alive here: recv waits, never fails
            let Ok((index, result)) = results.recv() else {
                unreachable!("the sender is alive")
            };
            match result {
                Ok(result) => pending[index - written] = Some(result),
                Err(panic) => {
                    stop.store(true, Ordering::Relaxed);
                    panic::resume_unwind(panic)
                }
            }
            while let Some(Some(_)) = pending.front() {
                let Some(Some(result)) = pending.pop_front() else {
                    unreachable!("the front was just seen")
                };
                written += 1;
                if let Err(e) = write(result) {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::time::Duration;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool")
    }

    /// Inputs whose work takes a varying time, so that they finish out of order.
    fn delay(i: usize) -> Duration {
        Duration::from_micros(((i * 7919) % 13) as u64 * 300)
    }

    #[test]
    fn results_come_in_input_order_and_the_window_bounds_what_is_taken() {
        for (threads, window) in [(1, 1), (1, 4), (4, 3), (4, 16)] {
            let taken = Cell::new(0usize);
            let inputs = (0..200).inspect(|_| taken.set(taken.get() + 1));
            let mut out = Vec::new();
            let mut most_ahead = 0;
            ordered_map(
                &pool(threads),
                inputs,
                window,
                |i| {
                    std::thread::sleep(delay(i));
                    i * 2
                },
                |r| {
                    out.push(r);
                    most_ahead = most_ahead.max(taken.get() - (out.len() - 1));
                    Ok(())
                },
            )
            .expect("runs");
            assert_eq!(out, (0..200).map(|i| i * 2).collect::<Vec<_>>());
            assert!(
                most_ahead <= window,
                "{most_ahead} taken ahead, window {window}"
            );
        }
    }

    #[test]
    fn an_error_writing_stops_taking_inputs() {
        let taken = Cell::new(0usize);
        let inputs = (0..1000).inspect(|_| taken.set(taken.get() + 1));
        let mut written = 0;
        let result = ordered_map(
            &pool(2),
            inputs,
            8,
            |i| i,
            |_| {
                written += 1;
                if written == 3 {
                    Err(std::io::ErrorKind::BrokenPipe.into())
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(
            result.map_err(|e| e.kind()),
            Err(std::io::ErrorKind::BrokenPipe)
        );
        assert!(taken.get() <= 3 + 8, "{} taken", taken.get());
    }

    #[test]
    fn no_inputs_no_results() {
        let mut count = 0;
        ordered_map(
            &pool(2),
            std::iter::empty::<u8>(),
            4,
            |i| i,
            |_| {
                count += 1;
                Ok(())
            },
        )
        .expect("runs");
        assert_eq!(count, 0);
    }

    #[test]
    fn a_panic_in_the_work_is_raised_in_the_caller() {
        let caught = panic::catch_unwind(|| {
            ordered_map(
                &pool(2),
                0..10,
                4,
                |i| if i == 5 { panic!("input five") } else { i },
                |_| Ok(()),
            )
        });
        assert!(caught.is_err());
    }
}
