/** Runs the CLI from source (`npx tsx src/cli/dev.ts …`) so development needs no build step. */
import { main } from "./main.js";

main(process.argv).then((code) => {
  process.exitCode = code;
});
