//! `#[derive(Trace)]`: the cycle collector's view of a payload type, derived
//! from its fields instead of written by hand (STYLE.md rule 5).
//!
//! Invariant: the generated `trace` visits every field that is not marked
//! `#[trace(skip)]`, through the field type's own `Trace` impl, each field
//! once; `MAY_HOLD` is the `or` of the same fields' `MAY_HOLD`. A field whose
//! type has no `Trace` impl is a compile error, so a new field can never be
//! forgotten: it must either be traced or skipped with a visible reason.
//! The generated `clear_refs` touches only the fields that carry a clear
//! policy, and drops what it took out only after every field is emptied and
//! the `after_clear` hook ran.
//!
//! Attributes (the trait and its helper traits live in
//! `adder_object::trace`):
//! - field `#[trace(skip)]`: the field owns no `Value` (foreign state,
//!   borrowed pointers), or owns only ones that can never be part of a
//!   cycle and are left out on purpose; say which next to it.
//! - field `#[trace(clear)]`: `clear_refs` takes the contents out
//!   (`ClearField`: a `RefCell` of a `Vec`/`VecDeque`/`Option`/map or any
//!   other `Empty` type, or a `Cell` reset to its default).
//! - field `#[trace(clear = "none")]` / `#[trace(clear = "null")]`: sets a
//!   `ValueCell` or `RefCell<Value>` (`ResetField`) to `Value::NONE` /
//!   `Value::NULL`.
//! - container `#[trace(clear_if = "path")]`: `fn(&Self) -> bool`; when it
//!   says false, `clear_refs` leaves the object alone.
//! - container `#[trace(after_clear = "path")]`: `fn(&Self)`, run after the
//!   fields were emptied and before their old contents are dropped (for
//!   state that is not a reference: versions, a generator's state).

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote};
use syn::{
    parse_macro_input, parse_quote, Attribute, Data, DeriveInput, Error, Fields, GenericParam,
    LitStr, Path, Result,
};

#[proc_macro_derive(Trace, attributes(trace))]
pub fn derive_trace(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(input) {
        Ok(ts) => ts.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// What `clear_refs` does to one field.
enum Clear {
    Never,
    Take,
    Reset(&'static str),
}

struct FieldAttrs {
    skip: bool,
    clear: Clear,
}

fn field_attrs(attrs: &[Attribute]) -> Result<FieldAttrs> {
    let mut out = FieldAttrs {
        skip: false,
        clear: Clear::Never,
    };
    for attr in attrs.iter().filter(|a| a.path().is_ident("trace")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("skip") {
                out.skip = true;
                Ok(())
            } else if meta.path.is_ident("clear") {
                if !matches!(out.clear, Clear::Never) {
                    return Err(meta.error("duplicate clear policy"));
                }
                out.clear = if meta.input.peek(syn::Token![=]) {
                    let lit: LitStr = meta.value()?.parse()?;
                    match lit.value().as_str() {
                        "none" => Clear::Reset("NONE"),
                        "null" => Clear::Reset("NULL"),
                        _ => {
                            return Err(Error::new(
                                lit.span(),
                                "expected clear, clear = \"none\" or clear = \"null\"",
                            ))
                        }
                    }
                } else {
                    Clear::Take
                };
                Ok(())
            } else {
                Err(meta.error("expected skip, clear, clear = \"none\" or clear = \"null\""))
            }
        })?;
    }
    if out.skip && !matches!(out.clear, Clear::Never) {
        return Err(Error::new(
            Span::call_site(),
            "a skipped field cannot have a clear policy",
        ));
    }
    Ok(out)
}

#[derive(Default)]
struct ContainerAttrs {
    clear_if: Option<Path>,
    after_clear: Option<Path>,
}

fn container_attrs(attrs: &[Attribute]) -> Result<ContainerAttrs> {
    let mut out = ContainerAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("trace")) {
        attr.parse_nested_meta(|meta| {
            let slot = if meta.path.is_ident("clear_if") {
                &mut out.clear_if
            } else if meta.path.is_ident("after_clear") {
                &mut out.after_clear
            } else {
                return Err(meta.error("expected clear_if = \"path\" or after_clear = \"path\""));
            };
            if slot.is_some() {
                return Err(meta.error("duplicate attribute"));
            }
            let lit: LitStr = meta.value()?.parse()?;
            *slot = Some(lit.parse()?);
            Ok(())
        })?;
    }
    Ok(out)
}

fn expand(mut input: DeriveInput) -> Result<TokenStream2> {
    let krate = quote!(::adder_object);
    let hooks = container_attrs(&input.attrs)?;
    for p in input.generics.params.iter_mut() {
        if let GenericParam::Type(t) = p {
            t.bounds.push(parse_quote!(::adder_object::Trace));
        }
    }
    let name = &input.ident;
    let (impl_g, ty_g, where_c) = input.generics.split_for_impl();
    let mut may_hold = Vec::new();
    let trace_body;
    let mut clear_body = None;
    match &input.data {
        Data::Struct(s) => {
            let mut visits = Vec::new();
            let mut takes = Vec::new();
            for (i, f) in s.fields.iter().enumerate() {
                let a = field_attrs(&f.attrs)?;
                if a.skip {
                    continue;
                }
                let member = match &f.ident {
                    Some(id) => quote!(#id),
                    None => {
                        let idx = syn::Index::from(i);
                        quote!(#idx)
                    }
                };
                let ty = &f.ty;
                may_hold.push(quote!(<#ty as #krate::Trace>::MAY_HOLD));
                visits.push(quote!(#krate::Trace::trace(&self.#member, visit);));
                let t = format_ident!("__taken{}", i);
                match a.clear {
                    Clear::Never => {}
                    Clear::Take => takes.push((
                        t.clone(),
                        quote!(let #t = #krate::trace::ClearField::take_out(&self.#member);),
                    )),
                    Clear::Reset(which) => {
                        let which = format_ident!("{}", which);
                        takes.push((
                            t.clone(),
                            quote!(let #t = #krate::trace::ResetField::reset_to(
                                &self.#member, #krate::Value::#which);),
                        ))
                    }
                }
            }
            trace_body = quote!(#(#visits)*);
            if !takes.is_empty() || hooks.clear_if.is_some() || hooks.after_clear.is_some() {
                let guard = hooks
                    .clear_if
                    .as_ref()
                    .map(|p| quote!(if !#p(self) { return; }));
                let after = hooks.after_clear.as_ref().map(|p| quote!(#p(self);));
                let lets = takes.iter().map(|(_, l)| l);
                let names = takes.iter().map(|(n, _)| n);
                clear_body = Some(quote! {
                    #guard
                    #(#lets)*
                    #after
                    // The old contents die only now: nothing they run on
                    // drop sees a half-emptied object.
                    drop((#(#names,)*));
                });
            }
        }
        Data::Enum(e) => {
            if hooks.clear_if.is_some() || hooks.after_clear.is_some() {
                return Err(Error::new(
                    Span::call_site(),
                    "clear hooks apply to structs (put the enum in a RefCell field)",
                ));
            }
            let mut arms = Vec::new();
            for v in &e.variants {
                if let Some(attr) = v.attrs.iter().find(|a| a.path().is_ident("trace")) {
                    return Err(Error::new_spanned(
                        attr,
                        "trace attributes go on fields, not on variants",
                    ));
                }
                let vname = &v.ident;
                let mut visits = Vec::new();
                let mut pats = Vec::new();
                for (i, f) in v.fields.iter().enumerate() {
                    let a = field_attrs(&f.attrs)?;
                    if !matches!(a.clear, Clear::Never) {
                        return Err(Error::new_spanned(
                            f,
                            "clear policies apply to struct fields",
                        ));
                    }
                    let bind = format_ident!("__f{}", i);
                    match &f.ident {
                        Some(id) if a.skip => pats.push(quote!(#id: _)),
                        Some(id) => pats.push(quote!(#id: #bind)),
                        None if a.skip => pats.push(quote!(_)),
                        None => pats.push(quote!(#bind)),
                    }
                    if a.skip {
                        continue;
                    }
                    let ty = &f.ty;
                    may_hold.push(quote!(<#ty as #krate::Trace>::MAY_HOLD));
                    visits.push(quote!(#krate::Trace::trace(#bind, visit);));
                }
                let pat = match &v.fields {
                    Fields::Named(_) => quote!(Self::#vname { #(#pats),* }),
                    Fields::Unnamed(_) => quote!(Self::#vname ( #(#pats),* )),
                    Fields::Unit => quote!(Self::#vname),
                };
                arms.push(quote!(#pat => { #(#visits)* }));
            }
            trace_body = quote!(match self { #(#arms)* });
        }
        Data::Union(_) => {
            return Err(Error::new(
                Span::call_site(),
                "Trace cannot be derived for unions",
            ))
        }
    }
    let clear_fn = clear_body.map(|b| {
        quote! {
            fn clear_refs(&self) { #b }
        }
    });
    Ok(quote! {
        impl #impl_g #krate::Trace for #name #ty_g #where_c {
            const MAY_HOLD: bool = false #(|| #may_hold)*;
            #[inline]
            #[allow(unused_variables)]
            fn trace(&self, visit: &mut dyn FnMut(&#krate::Value)) { #trace_body }
            #clear_fn
        }
    })
}
