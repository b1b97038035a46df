"""The site cluster: organisations, sites and their profiles, themes, the page
types every site shares, publish-once-show-on-many (syndication) and the
editorial workflow given to each site."""
