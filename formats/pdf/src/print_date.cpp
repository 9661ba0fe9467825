#include "print_date.hpp"

#include <fascicle/dates.hpp>

namespace fascicle::pdf {

std::int64_t print_epoch(const char* source_date_epoch, std::string_view book_date) {
    if (source_date_epoch)
        if (auto epoch = parse_epoch_seconds(source_date_epoch)) return *epoch;
    return start_of_day(book_date).value_or(0);
}

}  // namespace fascicle::pdf
