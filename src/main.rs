use std::process::ExitCode;

/// mimalloc: the analysis makes many small, short-lived allocations (words,
/// phrases, spans), which it serves faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    gloss::cli::main()
}
