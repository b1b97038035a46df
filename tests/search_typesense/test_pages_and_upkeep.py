"""The search page, the API and the index upkeep tests of the embedded engines
(tests/search), run unchanged on Typesense: numbers, traditional characters,
facets, filters, restricted pages never found, moved and renamed."""
from tests.search.test_api import (  # noqa: F401 (collected by pytest here)
    test_a_document_number_with_other_brackets_comes_first,
    test_search_filters_match_the_database,
    test_search_returns_results_facets_and_pages,
)
from tests.search.test_index_upkeep import (  # noqa: F401
    test_a_moved_page_is_found_at_its_new_address,
    test_a_page_made_private_or_restricted_leaves_the_results,
    test_a_replaced_attachment_is_found_by_its_new_text_only,
    test_hits_show_a_renamed_organisation_by_its_new_name,
)
from tests.search.test_search_view import (  # noqa: F401
    pytestmark,
    test_any_site_finds_other_sites_content_by_a_two_character_word,
    test_facets_by_site_type_and_year,
    test_facets_for_organisation_topic_type_and_validity_narrow_the_results,
    test_finds_disclosure_documents_by_number_with_any_brackets,
    test_sort_by_date_and_pages,
    test_traditional_characters_find_simplified_text,
)
