//! Quotations: finding them ([`find`]), telling full quotes from scare quotes
//! and quoted titles ([`kind`]), and giving each to its speaker.

pub mod attribute;
pub mod find;
pub mod kind;
