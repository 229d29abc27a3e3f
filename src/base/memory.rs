//! Gives memory that was freed back to the operating system. glibc keeps
//! what a thread frees in that thread's own arena, so after one worker laid
//! out a long document, another worker's long document would be added on
//! top: with two such documents, 1.05 GB where one takes 0.6 GB
//! (`benches/worst_case.py`). Elsewhere this does nothing.

/// Returns the free memory of every arena to the operating system.
pub(crate) fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only walks glibc's own heap structures, under
    // their locks, and may be called from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
