"""Plain domain objects and pure logic: no Qt, no SQL, no network."""
