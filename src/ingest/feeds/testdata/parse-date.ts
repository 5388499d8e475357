// Prints parseFeedDate(argv[2]); dates.test.ts runs it under a chosen TZ.
import { parseFeedDate } from "../dates.ts";

process.stdout.write(String(parseFeedDate(process.argv[2])));
