//! The reader: app state, `update(state, action)`, drawing, and the event loop.
