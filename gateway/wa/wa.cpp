// Translation unit so the library is never empty; protocol sources are added beside it.
