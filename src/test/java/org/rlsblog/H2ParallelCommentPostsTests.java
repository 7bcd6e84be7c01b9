package org.rlsblog;

/** Comments sent at once, on the embedded H2 store in its own data folder. */
class H2ParallelCommentPostsTests extends ParallelCommentPostsTests {}
