package org.wcstat.cli;

import picocli.CommandLine;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** The years of {@code --years}: a range, {@code 2015-2025}, or a list, {@code 2019,2021}; ascending, without repeats. */
record Years(List<Integer> list) {

    static final class Parser implements CommandLine.ITypeConverter<Years> {
        @Override
        public Years convert(String value) {
            String v = value.strip();
            if (v.matches("\\d{4}\\s*-\\s*\\d{4}")) {
                String[] ends = v.split("-");
                int first = Integer.parseInt(ends[0].strip());
                int last = Integer.parseInt(ends[1].strip());
                if (first > last) {
                    throw new CommandLine.TypeConversionException("'" + value + "' runs backwards; write the earlier year first, e.g. "
                            + last + "-" + first);
                }
                return new Years(IntStream.rangeClosed(first, last).boxed().toList());
            }
            if (v.matches("\\d{4}(\\s*,\\s*\\d{4})*")) {
                TreeSet<Integer> years = new TreeSet<>();
                for (String y : v.split(",")) years.add(Integer.parseInt(y.strip()));
                return new Years(List.copyOf(years));
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is neither a range of years (2015-2025) nor a list"
                    + " of them (2019,2021)");
        }
    }
}
