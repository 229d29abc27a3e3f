//! The build's threads: jobs (document × locale) on threads of kyr's own,
//! each taking the next job as it finishes one, outputs in job order,
//! while the calling thread works on what the jobs tell it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

/// Stack of each build thread: generous, since Typst recurses deeply.
/// Only the pages used are ever committed.
const WORKER_STACK_BYTES: usize = 16 * 1024 * 1024;

/// Runs `run` on every job with `threads` threads of kyr's own, which take
/// the next job as they finish one; the outputs come back in job order.
/// Meanwhile this thread runs `beside` on what the jobs send it (through
/// the sender `run` is given), until the last job is done.
///
/// Not on rayon's pool: Typst and krilla use that pool inside a compile,
/// and krilla waits for its work with `rayon::yield_now`, which on a pool
/// thread runs any queued task, including another whole document. Jobs then
/// nested on one stack (75 deep in a 240-handout build) until it overflowed.
pub(crate) fn run_jobs<J: Sync, O: Send, N: Send>(
    jobs: &[J],
    threads: usize,
    run: impl Fn(&J, &Sender<N>) -> O + Sync,
    beside: impl FnOnce(Receiver<N>),
) -> Vec<O> {
    let next = AtomicUsize::new(0);
    let done: std::sync::Mutex<Vec<(usize, O)>> = std::sync::Mutex::new(Vec::new());
    let work = |told: &Sender<N>| {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            let output = run(job, told);
            done.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((index, output));
        }
    };
    let (told, heard) = mpsc::channel();
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..threads.min(jobs.len()) {
            let told = told.clone();
            let work = &work;
            let spawned = std::thread::Builder::new()
                .name("kyr-build".into())
                .stack_size(WORKER_STACK_BYTES)
                .spawn_scoped(scope, move || work(&told));
            started += usize::from(spawned.is_ok());
        }
        // No thread could be started: build on this one.
        if started == 0 {
            work(&told);
        }
        // `heard` ends when the last thread's sender is dropped with it.
        drop(told);
        beside(heard);
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, output)| output).collect()
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::sync::{Arc, OnceLock};

    use super::*;

    #[test]
    fn jobs_come_back_in_order_and_never_run_inside_one_another() {
        thread_local!(static DEPTH: Cell<usize> = const { Cell::new(0) });
        let jobs: Vec<usize> = (0..64).collect();
        let outputs = run_jobs(
            &jobs,
            2,
            |&job, _: &Sender<()>| {
                let depth = DEPTH.with(|d| {
                    d.set(d.get() + 1);
                    d.get()
                });
                // What krilla does while exporting a PDF: queue work on rayon,
                // then yield to rayon until it is done. On a rayon thread that
                // yield may run another queued job, nested on this stack.
                let value = Arc::new(OnceLock::new());
                let set = Arc::clone(&value);
                rayon::spawn(move || {
                    set.get_or_init(|| job);
                });
                while let Some(rayon::Yield::Executed) = rayon::yield_now() {}
                assert_eq!(*value.wait(), job);
                DEPTH.with(|d| d.set(d.get() - 1));
                (job, depth)
            },
            |_| (),
        );
        assert_eq!(outputs.len(), 64);
        for (i, (job, depth)) in outputs.into_iter().enumerate() {
            assert_eq!(job, i);
            assert_eq!(depth, 1, "job {job} ran inside another");
        }
    }

    #[test]
    fn this_thread_hears_each_job_while_the_others_still_run() {
        let jobs: Vec<usize> = (0..6).collect();
        // Each job waits until this thread has heard it: were `beside`
        // run only after the jobs, every wait would time out.
        let (answer, answered) = mpsc::channel::<usize>();
        let answered = std::sync::Mutex::new(answered);
        let mut heard = Vec::new();
        let outputs = run_jobs(
            &jobs,
            1,
            |&job, told| {
                told.send(job).unwrap();
                let answered = answered.lock().unwrap();
                answered.recv_timeout(std::time::Duration::from_secs(20)) == Ok(job)
            },
            |told| {
                for job in told {
                    heard.push(job);
                    answer.send(job).unwrap();
                }
            },
        );
        assert_eq!(outputs, vec![true; 6]);
        assert_eq!(heard, jobs);
    }
}
