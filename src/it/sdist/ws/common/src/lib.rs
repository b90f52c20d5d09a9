pub const OFFSET: i64 = 0;
