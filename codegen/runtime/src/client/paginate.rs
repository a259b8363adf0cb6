//! Paginators: [`Pages`] calls an operation again and again, each time with the previous
//! output's next token in the input, until the service returns no token (or an empty one, or the
//! token it was just given: a service bug that would otherwise loop for ever), and yields each
//! output; [`Items`] flattens the pages into their items. An error ends the iteration after
//! being yielded.

/// An iterator over the outputs (pages) of a paginated operation.
pub struct Pages<I, O, Err, F> {
    input: I,
    call: F,
    next_token: fn(&O) -> Option<&String>,
    set_token: fn(&mut I, Option<String>),
    last_sent: Option<String>,
    done: bool,
    _marker: std::marker::PhantomData<fn() -> Result<O, Err>>,
}

impl<I, O, Err, F> Pages<I, O, Err, F>
where
    F: FnMut(&I) -> Result<O, Err>,
{
    /// Pages of `call` starting from `input`; `next_token` reads an output's token,
    /// `set_token` writes one into the input.
    pub fn new(
        input: I,
        call: F,
        next_token: fn(&O) -> Option<&String>,
        set_token: fn(&mut I, Option<String>),
    ) -> Self {
        Self {
            input,
            call,
            next_token,
            set_token,
            last_sent: None,
            done: false,
            _marker: std::marker::PhantomData,
        }
    }

    /// The items of every page: `items` takes a page's items out of it.
    pub fn items<T>(self, items: fn(O) -> Vec<T>) -> Items<Self, O, T, Err> {
        Items {
            pages: self,
            items,
            current: Vec::new().into_iter(),
            _marker: std::marker::PhantomData,
        }
    }
}

impl<I, O, Err, F> Iterator for Pages<I, O, Err, F>
where
    F: FnMut(&I) -> Result<O, Err>,
{
    type Item = Result<O, Err>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match (self.call)(&self.input) {
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
            Ok(page) => {
                match (self.next_token)(&page) {
                    Some(t) if !t.is_empty() && Some(t) != self.last_sent.as_ref() => {
                        self.last_sent = Some(t.clone());
                        (self.set_token)(&mut self.input, Some(t.clone()));
                    }
                    _ => self.done = true,
                }
                Some(Ok(page))
            }
        }
    }
}

/// An iterator over the items of every page of a paginated operation.
pub struct Items<P, O, T, Err> {
    pages: P,
    items: fn(O) -> Vec<T>,
    current: std::vec::IntoIter<T>,
    _marker: std::marker::PhantomData<fn() -> Result<O, Err>>,
}

impl<P, O, T, Err> Iterator for Items<P, O, T, Err>
where
    P: Iterator<Item = Result<O, Err>>,
{
    type Item = Result<T, Err>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.current.next() {
                return Some(Ok(item));
            }
            match self.pages.next()? {
                Ok(page) => self.current = (self.items)(page).into_iter(),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}
