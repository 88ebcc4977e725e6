//! A long stress run's progress and its cancel switch, shared between the threads running the
//! trials and whoever shows the progress (UI.md: "Long work shows progress and can be
//! cancelled"). Atomics, so reading the count or cancelling never waits for the run.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

#[derive(Debug, Default)]
pub struct Progress {
    cancelled: AtomicBool,
    trials_done: AtomicU64,
}

impl Progress {
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Asks the run to stop; it does at its next chunk of trials.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Trials finished so far by every thread together.
    pub fn trials_done(&self) -> u64 {
        self.trials_done.load(Ordering::Relaxed)
    }

    pub(crate) fn add_trials(&self, trials: u64) {
        self.trials_done.fetch_add(trials, Ordering::Relaxed);
    }
}
