"""A sample branch (members, meetings, funds) written through the real services and queries: for `chibo --demo`,
`chibo demo`, the benchmarks and the tests. Not a use case of the app, so it lives apart from `services/`."""
