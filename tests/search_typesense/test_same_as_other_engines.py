"""The search tests of the embedded engines (tests/search), run unchanged on a
real Typesense node: the same demo, the same answers."""
from tests.search.test_backends import (  # noqa: F401 (collected by pytest here)
    pytestmark,
    search_index,
    test_disclosure_fields_and_facets,
    test_every_live_page_is_indexed,
    test_every_page_is_found_by_a_word_of_its_title_and_of_its_body,
    test_facet_counts_add_up_to_the_hits_of_a_text_query,
    test_facets_follow_the_query,
    test_facets_on_site_and_year,
    test_filters_on_year_range_and_validity,
    test_highlight_marks_chinese_matches,
    test_more_like_this_says_it_is_not_offered,
    test_narrow_filter_and_order_by_date,
    test_number_keys_find_the_document,
    test_odd_queries_never_raise,
    test_query_latency,
    test_title_match_ranks_above_body_only_match,
    test_title_query_finds_notice,
    test_traditional_query_finds_simplified_article,
    test_two_character_word_finds_article,
)
