//! A test body's panic as the test's failure, printed once, where the
//! summary lists the failures: this harness captures nothing, so the
//! standard panic hook would print it among the other tests' lines as well.
//! It says where the body panicked and what, as libtest does, with a
//! backtrace when `RUST_BACKTRACE` asks for one. Panics outside a test body
//! go to the standard hook.

use std::backtrace::{Backtrace, BacktraceStatus};
use std::cell::{Cell, RefCell};
use std::panic;

use libtest_mimic::Failed;

thread_local! {
    /// Whether this thread is running a test body.
    static IN_BODY: Cell<bool> = const { Cell::new(false) };
    /// Where the body panicked, and the backtrace if one was asked for.
    static PANICKED_AT: RefCell<Option<(String, Backtrace)>> = const { RefCell::new(None) };
}

/// Installs the hook that keeps a test body's panic for [`run`].
pub(crate) fn keep_for_the_summary() {
    let standard = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !IN_BODY.get() {
            return standard(info);
        }
        let at = info
            .location()
            .map_or_else(|| "an unknown place".to_owned(), ToString::to_string);
        PANICKED_AT.set(Some((at, Backtrace::capture())));
    }));
}

/// Runs `body`; a panic in it is a failure that says where and what.
pub(crate) fn run(body: fn()) -> Result<(), Failed> {
    IN_BODY.set(true);
    let outcome = panic::catch_unwind(body);
    IN_BODY.set(false);
    outcome.map_err(|payload| {
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("(a panic without a message)");
        let (at, backtrace) = PANICKED_AT
            .take()
            .unwrap_or_else(|| ("an unknown place".to_owned(), Backtrace::disabled()));
        let mut failure = format!("panicked at {at}:\n{message}");
        if backtrace.status() == BacktraceStatus::Captured {
            failure.push_str(&format!("\nstack backtrace:\n{backtrace}"));
        }
        Failed::from(failure)
    })
}
