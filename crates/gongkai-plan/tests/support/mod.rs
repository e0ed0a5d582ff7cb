pub mod seed000;
