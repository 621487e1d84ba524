// EPUBCheck on several EPUBs in one Java process: `publish check` runs this instead of one
// `java -jar epubcheck.jar` per EPUB, because starting EPUBCheck (the JVM, its schemas) costs
// seconds and checking one more EPUB in the warm process a fraction of one.
//
// Run in Java's single-file source mode (Java 11 or newer, nothing to compile beforehand):
//   java -cp epubcheck.jar EpubCheckBatch.java BOOK.epub BOOK.json OTHER.epub OTHER.json ...
// Each EPUB gets EPUBCheck's own JSON report, exactly as `--json FILE` writes it; after each, a line
// "checked BOOK.epub" on standard output tells the caller how far it is. EPUBCheck's console
// messages go to standard error, so that standard output carries only those lines.
// `-Dbatch.options=--usage` (what the tests use) adds EPUBCheck options to every run.

import com.adobe.epubcheck.tool.EpubChecker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

public class EpubCheckBatch {
  public static void main(String[] args) {
    PrintStream progress = System.out;
    System.setOut(System.err);
    String options = System.getProperty("batch.options", "").trim();
    for (int i = 0; i + 1 < args.length; i += 2) {
      List<String> run = new ArrayList<>(List.of(args[i], "--json", args[i + 1]));
      if (!options.isEmpty()) run.addAll(List.of(options.split(" +")));
      try {
        new EpubChecker().run(run.toArray(new String[0]));
      } catch (RuntimeException e) { // no report then: the caller names the EPUB that was not checked
        e.printStackTrace();
      }
      progress.println("checked " + args[i]);
      progress.flush();
    }
  }
}
