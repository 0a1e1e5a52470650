//! The one signal the takeover waits for: every content file the first page asked for
//! has arrived and been read by its view, as content or as an error to show.
//!
//! A count and a callback, not a reactive signal: the browser's start is the only reader.

use std::cell::{Cell, RefCell};

thread_local! {
    static WAITING: Cell<usize> = const { Cell::new(0) };
    static THEN: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };
}

/// A content file was asked for: the page is not ready until its view has read it.
pub fn wait_for_one() {
    WAITING.with(|n| n.set(n.get() + 1));
}

/// A view has read what one content file brought.
pub fn one_arrived() {
    let left = WAITING.with(|n| {
        n.set(n.get().saturating_sub(1));
        n.get()
    });
    if left == 0 {
        run();
    }
}

/// True when no file asked for is still waiting to be read.
pub fn is_ready() -> bool {
    WAITING.with(Cell::get) == 0
}

/// Runs `then` once every file asked for so far has been read: now, if none is waiting.
/// A view may ask for another file as it draws what it read, so whoever waits checks
/// [`is_ready`] again a frame later.
pub fn then(then: Box<dyn FnOnce()>) {
    THEN.with(|t| *t.borrow_mut() = Some(then));
    if is_ready() {
        run();
    }
}

/// Runs the waiting callback, once.
fn run() {
    if let Some(then) = THEN.with(|t| t.borrow_mut().take()) {
        then();
    }
}
