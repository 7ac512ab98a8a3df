//! Quotations: finding them ([`find`]), telling full quotes from scare quotes
//! and quoted titles ([`kind`]), giving each to its speaker, and joining a
//! fragment cut off by its attribution to the rest ([`join`]).

pub mod attribute;
pub mod find;
pub mod join;
pub mod kind;
