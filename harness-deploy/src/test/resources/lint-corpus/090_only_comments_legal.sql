-- nothing to do in this release
/* still nothing */
